-- One region's public map data as one GeoJSON FeatureCollection (text, sent as it is), every feature
-- naming its layer: the current grids under the region, the cameras standing in it (on its border
-- too) and its cases, with public fields only: never a description, never a party. Grids, then
-- cameras, then cases, each in code order. $1 region code (any level: what
-- its code's prefix begins lies in it), $2 grids, $3 cameras, $4 cases (booleans: which layers). Uses
-- grids_code_prefix_idx and cameras_geom_idx.
WITH r AS (SELECT id, level, geom, region_prefix(code) AS prefix FROM regions WHERE code = $1),
layered AS (
  SELECT 1 AS layer_no, g.code, json_build_object(
    'type', 'Feature',
    'id', g.code,
    'geometry', ST_AsGeoJSON(g.geom, 6)::json,
    'properties', json_build_object(
      'layer', 'grids', 'code', g.code, 'name', g.name, 'kind', g.kind, 'version', g.version,
      'communityCode', c.code, 'townshipCode', t.code, 'households', g.households,
      'leaders', g.leaders, 'fulltimeWorkers', g.fulltime_workers, 'parttimeWorkers', g.parttime_workers,
      'validFrom', to_char(g.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))) AS feature
  FROM r, grids g
  JOIN regions c ON c.id = g.community_id
  JOIN regions t ON t.id = c.parent_id
  -- A range on grids_code_prefix_idx, as regions_geojson.sql counts a region's grids.
  WHERE $2::boolean AND g.valid_to IS NULL AND g.code ~>=~ r.prefix AND g.code ~<~ (r.prefix || ':')
  UNION ALL
  SELECT 2, cam.code, json_build_object(
    'type', 'Feature',
    'id', cam.code,
    'geometry', ST_AsGeoJSON(cam.geom, 6)::json,
    'properties', json_build_object(
      'layer', 'cameras', 'code', cam.code, 'class', cam.class, 'capture', cam.capture, 'site', cam.site,
      'state', cam.state, 'bearingDeg', cam.bearing_deg, 'fovDeg', cam.fov_deg, 'rangeM', cam.range_m))
  FROM r, cameras cam
  WHERE $3::boolean AND ST_Covers(r.geom, cam.geom)
  UNION ALL
  SELECT 3, k.code, json_build_object(
    'type', 'Feature',
    'id', k.code,
    'geometry', ST_AsGeoJSON(k.geom, 6)::json,
    'properties', json_build_object(
      'layer', 'cases', 'code', k.code, 'category', k.category, 'kind', k.kind, 'source', k.source,
      'level', k.level, 'state', k.state, 'reportedAt', iso_utc(k.reported_at), 'closedAt', iso_utc(k.closed_at),
      'gridCode', g.code))
  FROM r, cases k
  JOIN grids g ON g.id = k.grid_id
  WHERE $4::boolean AND g.code LIKE r.prefix || '%'
)
SELECT json_build_object('type', 'FeatureCollection', 'features',
         coalesce(json_agg(feature ORDER BY layer_no, code), '[]'::json))::text AS body
FROM layered
