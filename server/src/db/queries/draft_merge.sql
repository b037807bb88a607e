-- Grids $2 and $3 of draft $1 as one: whether both are there and valid, whether they share an edge
-- (their boundaries meet along a line, not at a point: ST_Relate's boundary/boundary cell is 1), and
-- their union at the store's 1e-6° precision (snap-rounding: see draft_check.sql). One row, always.
WITH d AS (
  SELECT features FROM grid_drafts WHERE id = $1
), a AS (
  SELECT g.geom FROM d, draft_grids(d.features) g WHERE g.code = $2 AND ST_IsValid(g.geom) ORDER BY g.n LIMIT 1
), b AS (
  SELECT g.geom FROM d, draft_grids(d.features) g WHERE g.code = $3 AND ST_IsValid(g.geom) ORDER BY g.n LIMIT 1
), pair AS (
  SELECT a.geom AS a, b.geom AS b, ST_Relate(a.geom, b.geom, '****1****') AS neighbours FROM a, b
), merged AS (
  SELECT ST_Multi(ST_Union(a, b, 1e-6)) AS geom FROM pair WHERE neighbours
)
SELECT (SELECT count(*)::int FROM pair) = 1 AS found,
       coalesce((SELECT neighbours FROM pair), false) AS neighbours,
       (SELECT ST_AsGeoJSON(geom, 6)::json FROM merged) AS geometry,
       (SELECT ST_NumGeometries(geom) FROM merged) AS parts,
       (SELECT ST_IsValid(geom) FROM merged) AS valid
