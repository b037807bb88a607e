-- The cameras that stood in a grid a publish closed or opened (codes $1) take the current grid that
-- covers them now (migration 008), as the stream carries them.
UPDATE cameras c SET grid_code = placed.grid_code
FROM (
  SELECT id, camera_grid(geom) AS grid_code
  FROM cameras
  WHERE id IN (
    SELECT id FROM cameras WHERE grid_code = ANY ($1::text[])
    UNION
    SELECT cam.id FROM grids g JOIN cameras cam ON ST_Covers(g.geom, cam.geom)
    WHERE g.valid_to IS NULL AND g.code = ANY ($1::text[]))
) placed
WHERE c.id = placed.id AND c.grid_code IS DISTINCT FROM placed.grid_code
RETURNING c.id, camera_json(c) AS payload
