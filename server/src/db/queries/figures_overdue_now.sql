-- Open cases of the area past their due time at $1: $2 a township's or community's code, or a grid's
-- (cases filed in any version of it), NULL for the city. Uses cases_open_due_idx.
SELECT count(*)::integer AS n
FROM cases c
WHERE c.state <> 'closed' AND c.due_at < $1
  AND ($2::text IS NULL OR (SELECT id FROM regions WHERE code = $2) IN (c.township_id, c.community_id) OR c.township_id = ANY (area_townships($2))
       OR c.grid_id IN (SELECT id FROM grids WHERE code = $2))
