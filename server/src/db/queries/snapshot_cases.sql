-- Every open case, for a screen's starting state; $1 an area's code prefix (NULL: all), so a county's screen
-- inside a province reads its county's, not the province's.
SELECT p.summary FROM case_public p
WHERE p.state <> 'closed' AND ($1::text IS NULL OR EXISTS (SELECT FROM grids g WHERE g.id = p.grid_id AND g.code LIKE $1 || '%'))
ORDER BY p.id
