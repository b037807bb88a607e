-- Tile $2/$3/$4 of layer $1 encoded by PostGIS (a server with protobuf): the layer named $1, extent 4096.
SELECT ST_AsMVT(t, $1, tile_extent(), 'geom') AS tile
FROM (
  SELECT ST_AsMVTGeom(geom, ST_TileEnvelope($2, $3, $4), tile_extent(), tile_buffer(), true) AS geom, props
  FROM tile_features($1, $2, $3, $4)
) t
WHERE geom IS NOT NULL
