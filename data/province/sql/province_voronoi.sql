-- One Voronoi diagram of all seeds, grids' and ghosts': neighbouring cells share their edges vertex for vertex,
-- and no cell is clipped, so no overlay ever computes a crossing point two neighbours could disagree on.
-- $1 seed longitudes, $2 seed latitudes.
INSERT INTO province_voronoi (geom)
SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(ST_SetSRID(ST_MakePoint(s.x, s.y), 4326))))).geom
FROM unnest($1::float8[], $2::float8[]) AS s (x, y)
