-- The cameras that stood in a grid a publish closed or opened (codes $1) take the current grid that
-- covers them now (migration 008), as the stream carries them.
UPDATE cameras c SET grid_code = camera_grid(c.geom)
FROM (
  SELECT id FROM cameras WHERE grid_code = ANY ($1::text[])
  UNION
  SELECT cam.id FROM grids g JOIN cameras cam ON ST_Covers(g.geom, cam.geom)
  WHERE g.valid_to IS NULL AND g.code = ANY ($1::text[])
) touched
WHERE c.id = touched.id AND c.grid_code IS DISTINCT FROM camera_grid(c.geom)
RETURNING c.id, camera_json(c) AS payload
