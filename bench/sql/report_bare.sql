-- The bare aggregates a monthly report's tables come to, for the bench's baseline: one pass over the cases
-- reported or closed in [$1, $2), counted by channel, kind, level and township, with no time-limit history,
-- no send-backs, reopenings or mediations and no scope: what any report of these cases must at least read.
SELECT source, kind, level, township_id,
       count(*) FILTER (WHERE reported_at >= $1 AND reported_at < $2) AS received,
       count(*) FILTER (WHERE reported_at >= $1 AND reported_at < $2 AND closed_at < $2) AS closed,
       count(*) FILTER (WHERE closed_at >= $1 AND closed_at < $2) AS closed_in,
       count(*) FILTER (WHERE closed_at >= $1 AND closed_at < $2 AND resolved) AS resolved_in,
       count(*) FILTER (WHERE closed_at >= $1 AND closed_at < $2 AND satisfaction IN ('satisfied', 'basically_satisfied')) AS satisfied
FROM cases
WHERE (reported_at >= $1 AND reported_at < $2) OR (closed_at >= $1 AND closed_at < $2)
GROUP BY GROUPING SETS ((), (source), (kind), (level), (township_id))
