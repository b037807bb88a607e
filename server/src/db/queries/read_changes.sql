-- Committed changes after a position, oldest first. $1 after, $2 up to (inclusive), $3 how many at most.
SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, entity, op, payload AS data
FROM change_log WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3
