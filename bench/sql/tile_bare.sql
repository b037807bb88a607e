-- The baseline of a grid tile: the current grids meeting tile $1/$2/$3 read as GeoJSON over the same index,
-- with no clipping, scaling or encoding (what a GeoJSON route would send for that square).
SELECT code, ST_AsGeoJSON(geom) AS geometry
FROM grids
WHERE valid_to IS NULL AND ST_Intersects(geom, ST_Transform(ST_TileEnvelope($1, $2, $3), 4326))
