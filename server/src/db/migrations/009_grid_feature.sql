-- A grid as the public GeoJSON Feature the API (grids_geojson.sql) and OGC API – Features
-- (ogc_grids.sql) both send (GridProps in contract/): one definition of its public fields, with the
-- codes of its community and township, which each caller has joined already.
CREATE FUNCTION grid_feature(g grids, community_code text, township_code text) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'type', 'Feature',
    'id', g.code,
    'geometry', ST_AsGeoJSON(g.geom, 6)::json,
    'properties', json_build_object(
      'code', g.code, 'name', g.name, 'kind', g.kind, 'version', g.version,
      'communityCode', community_code, 'townshipCode', township_code, 'households', g.households,
      'leaders', g.leaders, 'fulltimeWorkers', g.fulltime_workers, 'parttimeWorkers', g.parttime_workers,
      'validFrom', to_char(g.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
$$;
