-- Vector tiles (Mapbox Vector Tile 2.1, the web-mercator XYZ scheme). One selection per layer says which
-- features a tile holds and with which properties; two encoders turn it into a tile. A PostGIS server
-- encodes with ST_AsMVTGeom + ST_AsMVT; the embedded engine's PostGIS has no protobuf (ST_AsMVT fails
-- there), so tile_coords() below puts a geometry into the tile's integer coordinates in SQL as
-- ST_AsMVTGeom would, and Node writes the protobuf. A feature is in a tile when it intersects the tile
-- itself; it is clipped to the tile and a buffer around it, so strokes meet across tile edges.

-- A tile's extent and buffer, in tile units, as ST_AsMVTGeom's defaults.
CREATE FUNCTION tile_extent() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 4096';
CREATE FUNCTION tile_buffer() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 64';

-- The tile's bounds in lon/lat, for the index (web mercator's rectangles are rectangles in lon/lat).
CREATE FUNCTION tile_bounds(z integer, x integer, y integer) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ST_Transform(ST_TileEnvelope(z, x, y), 4326)
$$;

-- A geometry (web mercator) in tile (z, x, y)'s coordinates: clipped to the tile and its buffer, scaled
-- to the extent with y pointing down, snapped to whole units, made valid again (snapping can fold a
-- sliver), with exterior rings of positive area as the MVT spec asks. NULL when nothing is left.
CREATE FUNCTION tile_coords(geom geometry, z integer, x integer, y integer) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH tile AS (
    SELECT ST_XMin(e) AS x0, ST_YMax(e) AS y1, tile_extent() / (ST_XMax(e) - ST_XMin(e)) AS scale,
           tile_buffer() * (ST_XMax(e) - ST_XMin(e)) / tile_extent() AS margin, e
    FROM ST_TileEnvelope(z, x, y) AS e
  ), placed AS (
    SELECT ST_SnapToGrid(ST_Affine(ST_ClipByBox2D(geom, ST_Expand(e, margin)::box2d),
                                   scale, 0, 0, -scale, -x0 * scale, y1 * scale), 1) AS g
    FROM tile
  ), whole AS (
    SELECT CASE ST_Dimension(g)
             WHEN 2 THEN ST_ForcePolygonCCW(ST_CollectionExtract(ST_MakeValid(g), 3))
             ELSE ST_RemoveRepeatedPoints(g)
           END AS g
    FROM placed
  )
  SELECT g FROM whole WHERE NOT ST_IsEmpty(g)
$$;

-- The features of `layer` in tile (z, x, y): web-mercator geometry and the properties a screen labels
-- and colours them by. Grids: the current ones. Regions: coarse levels first, a level from the zoom at
-- which its areas are a few pixels across (city from 0, townships from 9, communities from 11). Cameras:
-- a point with its class and state, no more (the wall's points come live). A layer not named here has
-- no features; the route knows the layers.
CREATE FUNCTION tile_features(layer text, z integer, x integer, y integer)
RETURNS TABLE (geom geometry, props jsonb)
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT ST_Transform(g.geom, 3857),
         jsonb_build_object('code', g.code, 'name', g.name, 'kind', g.kind, 'community', c.code, 'township', t.code)
  FROM grids g
  JOIN regions c ON c.id = g.community_id
  JOIN regions t ON t.id = c.parent_id
  WHERE layer = 'grids' AND g.valid_to IS NULL AND ST_Intersects(g.geom, tile_bounds(z, x, y))
  UNION ALL
  SELECT ST_Transform(r.geom, 3857),
         jsonb_build_object('code', r.code, 'name', r.name, 'level', r.level, 'kind', r.kind) || coalesce(jsonb_build_object('parent', p.code), '{}')
  FROM regions r
  LEFT JOIN regions p ON p.id = r.parent_id
  WHERE layer = 'regions' AND ST_Intersects(r.geom, tile_bounds(z, x, y))
    AND z >= CASE r.level WHEN 'community' THEN 11 WHEN 'township' THEN 9 ELSE 0 END
  UNION ALL
  SELECT ST_Transform(c.geom, 3857), jsonb_build_object('code', c.code, 'class', c.class, 'state', c.state)
  FROM cameras c
  WHERE layer = 'cameras' AND ST_Intersects(c.geom, tile_bounds(z, x, y))
$$;
