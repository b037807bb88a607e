-- Current grids as one GeoJSON FeatureCollection (text, sent as it is), optionally within a bbox,
-- under a region (its community, township or city), of one kind. $1..$4 bbox min lon, min lat,
-- max lon, max lat, $5 region code, $6 kind (each NULL for no filter). Uses grids_current_geom_idx.
WITH g AS (
  SELECT g.*, c.code AS community_code, t.code AS township_code, city.code AS city_code
  FROM grids g
  JOIN regions c ON c.id = g.community_id
  JOIN regions t ON t.id = c.parent_id
  JOIN regions city ON city.id = t.parent_id
  WHERE g.valid_to IS NULL
    AND ($1::float8 IS NULL OR ST_Intersects(g.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
    AND ($5::text IS NULL OR $5 IN (c.code, t.code, city.code))
    AND ($6::text IS NULL OR g.kind = $6)
)
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
  'type', 'Feature',
  'id', code,
  'geometry', ST_AsGeoJSON(geom, 6)::json,
  'properties', json_build_object(
    'code', code, 'name', name, 'kind', kind, 'version', version,
    'communityCode', community_code, 'townshipCode', township_code, 'households', households,
    'leaders', leaders, 'fulltimeWorkers', fulltime_workers, 'parttimeWorkers', parttime_workers,
    'validFrom', to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
) ORDER BY code), '[]'::json))::text AS body
FROM g
