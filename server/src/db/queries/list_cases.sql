-- Cases under a region (of any level: the grids its code's prefix begins) or in a grid, of a kind, by state, overdue or not. Open ones first: overdue ones
-- first, the most overdue first, then the oldest; closed ones after, the newest closed first.
-- $1 region code, $2 grid code, $3 state ('open' for any but closed), $4 overdue (bool), $5 now,
-- $6 limit, $7 kind, $8 closed within how many days (closed cases closed before that are left out)
-- (each filter NULL for none); the caller's reach: $9 the code prefix of their area, or $10 their department
-- (the cases it leads or was last routed to, or assists now).
-- Uses cases_open_due_idx for the overdue filter.
SELECT p.summary
FROM case_public p
JOIN grids g ON g.id = p.grid_id
JOIN regions com ON com.id = p.community_id
JOIN regions t ON t.id = p.township_id
WHERE ($1::text IS NULL OR g.code LIKE region_prefix($1) || '%')
  AND ($2::text IS NULL OR g.code = $2)
  AND ($3::text IS NULL OR ($3 = 'open' AND p.state <> 'closed') OR p.state = $3)
  AND ($4::boolean IS NULL OR ($4 = (p.state <> 'closed' AND p.due_at < $5)))
  AND ($7::text IS NULL OR p.kind = $7)
  AND (starts_with(g.code, $9::text) OR (p.summary->>'department') = $10::text
       OR EXISTS (SELECT 1 FROM case_routes r WHERE r.case_id = p.id AND r.ended_at IS NULL AND r.department = $10::text))
  AND ($8::int IS NULL OR p.state <> 'closed' OR p.closed_at >= $5::timestamptz - make_interval(days => $8))
ORDER BY (p.state = 'closed'),
         CASE WHEN p.state <> 'closed' AND p.due_at < $5 THEN p.due_at END NULLS LAST,
         CASE WHEN p.state <> 'closed' THEN p.reported_at END,
         p.closed_at DESC,
         p.id DESC
LIMIT $6
