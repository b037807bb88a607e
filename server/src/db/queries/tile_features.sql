-- Tile $2/$3/$4 of layer $1 in tile coordinates, for Node to encode (the embedded engine has no protobuf):
-- each feature's geometry as GeoJSON in whole tile units (y down) and its properties.
SELECT ST_AsGeoJSON(geom) AS geometry, props
FROM (SELECT tile_coords(geom, $2, $3, $4) AS geom, props FROM tile_features($1, $2, $3, $4)) t
WHERE geom IS NOT NULL
