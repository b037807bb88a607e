-- Every current grid's camera cover, for a screen's starting state; $1 an area's code prefix (NULL: all).
SELECT cover_json(gc) AS summary
FROM grid_camera_cover gc
WHERE EXISTS (SELECT 1 FROM grids g WHERE g.code = gc.grid_code AND g.valid_to IS NULL) AND ($1::text IS NULL OR gc.grid_code LIKE $1 || '%')
ORDER BY gc.grid_code
