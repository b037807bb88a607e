-- The camera cover of grids a publish closed (codes $1): they are no longer drawn.
DELETE FROM grid_camera_cover WHERE grid_code = ANY ($1::text[])
