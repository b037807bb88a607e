-- The cover of every current grid a camera's view reaches, recomputed after the camera went online or
-- stopped being online, as the stream carries it. $1 camera id. Uses grids_current_geom_idx.
SELECT cover_json(r) AS payload
FROM refresh_grid_cover(ARRAY(
  SELECT g.code FROM cameras c JOIN grids g ON ST_Intersects(g.geom, c.view_geom) AND g.valid_to IS NULL WHERE c.id = $1
)) r
ORDER BY r.grid_code
