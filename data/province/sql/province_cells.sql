-- Each grid's cell: the one holding its seed, every vertex snapped to the same 1e-6 degree grid (about 0.1 m)
-- so the vertices neighbours share stay shared. Read through an index: the diagram's cells come out in no
-- order of their seeds. $1 seed longitudes, $2 latitudes, $3 the grids' codes. Returns how many cells.
WITH cells AS (
  INSERT INTO province_cells (code, geom)
  SELECT s.code, ST_Multi(ST_SnapToGrid(v.geom, 1e-6))
  FROM unnest($1::float8[], $2::float8[], $3::text[]) AS s (x, y, code)
  JOIN province_voronoi v ON ST_Intersects(v.geom, ST_SetSRID(ST_MakePoint(s.x, s.y), 4326))
  RETURNING geom
)
SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT ST_IsValid(geom))::int AS invalid FROM cells
