-- A region is exactly the union of its grids' cells, so it is tiled by them by construction.
-- $1 code, $2 name, $3 level, $4 kind, $5 parent id, $6 seat lon, $7 seat lat, $8 cell numbers of its grids.
INSERT INTO regions (code, name, level, kind, parent_id, seat, geom)
SELECT $1, $2, $3, $4, $5, ST_SetSRID(ST_MakePoint($6, $7), 4326), ST_Multi(ST_Union(geom))
FROM city_cells WHERE i = ANY ($8::int[])
RETURNING id
