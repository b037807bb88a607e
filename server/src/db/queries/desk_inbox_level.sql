-- A level's inbox: the open cases at that level in its area, the least time left first (overdue ones
-- first, the most overdue first). $1 level, $2 the area's code prefix ('' for everything), $3 limit.
-- Uses cases_open_level_due_idx.
SELECT p.summary
FROM case_public p JOIN grids g ON g.id = p.grid_id
WHERE p.state <> 'closed' AND p.level = $1 AND starts_with(g.code, $2::text)
ORDER BY p.due_at, p.id
LIMIT $3
