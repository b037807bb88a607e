-- The Voronoi cells of all grid seeds (and of the ghost seeds beyond the border, which are dropped),
-- one per grid in seed order. One diagram for the whole city, so neighbouring cells share their edges
-- vertex for vertex; snapping every vertex to the same 1e-6 degree grid (about 0.1 m) keeps them shared.
-- No cell is clipped, so no overlay ever computes a crossing point two neighbours could disagree on.
-- $1 seed longitudes, $2 seed latitudes, $3 how many of the seeds are grids.
INSERT INTO city_cells (i, geom)
WITH seeds AS (
  SELECT s.i, ST_SetSRID(ST_MakePoint(s.x, s.y), 4326) AS p
  FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS s (x, y, i)
), cells AS (
  SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(p)))).geom AS c FROM seeds
)
SELECT s.i, ST_Multi(ST_SnapToGrid(c.c, 1e-6))
FROM seeds s JOIN cells c ON ST_Intersects(c.c, s.p)
WHERE s.i <= $3
