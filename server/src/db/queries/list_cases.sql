-- Cases under a region or in a grid, by state, overdue or not; open ones first, most overdue first,
-- then newest. $1 region code, $2 grid code, $3 state ('open' for any but closed), $4 overdue (bool),
-- $5 now, $6 limit (each filter NULL for none). Uses cases_open_due_idx for the overdue filter.
SELECT p.summary
FROM case_public p
JOIN grids g ON g.id = p.grid_id
JOIN regions com ON com.id = p.community_id
JOIN regions t ON t.id = p.township_id
WHERE ($1::text IS NULL OR $1 IN (com.code, t.code, (SELECT code FROM regions WHERE level = 'city')))
  AND ($2::text IS NULL OR g.code = $2)
  AND ($3::text IS NULL OR ($3 = 'open' AND p.state <> 'closed') OR p.state = $3)
  AND ($4::boolean IS NULL OR ($4 = (p.state <> 'closed' AND p.due_at < $5)))
ORDER BY (p.state = 'closed'), p.due_at NULLS LAST, p.id DESC
LIMIT $6
