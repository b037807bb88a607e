-- Regions as one GeoJSON FeatureCollection (text, sent as it is), optionally of one level, under one
-- parent, within a bbox. $1 level, $2 parent code, $3..$6 bbox min lon, min lat, max lon, max lat
-- (each NULL for no filter). Uses regions_geom_idx for the bbox. A region's grids are counted by a range on
-- grids_code_prefix_idx (byte order, every code with the prefix below prefix || ':', the byte after '9'): a LIKE
-- whose pattern comes from the row is no index condition, and scanned every grid once a region (2.9 s for a
-- province's nine prefectures, 0.1 s so).
WITH r AS (
  SELECT r.*, p.code AS parent_code,
         (SELECT count(*) FROM grids g WHERE g.valid_to IS NULL AND g.code ~>=~ region_prefix(r.code) AND g.code ~<~ (region_prefix(r.code) || ':')) AS grid_count
  FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
  WHERE ($1::text IS NULL OR r.level = $1)
    AND ($2::text IS NULL OR p.code = $2)
    AND ($3::float8 IS NULL OR ST_Intersects(r.geom, ST_MakeEnvelope($3, $4, $5, $6, 4326)))
)
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
  'type', 'Feature',
  'id', code,
  'geometry', ST_AsGeoJSON(geom, 6)::json,
  'properties', json_build_object(
    'code', code, 'name', name, 'level', level, 'kind', kind, 'parentCode', parent_code,
    'households', households, 'gridCount', grid_count,
    'seat', CASE WHEN seat IS NULL THEN NULL ELSE json_build_array(round(ST_X(seat)::numeric, 6), round(ST_Y(seat)::numeric, 6)) END)
) ORDER BY code), '[]'::json))::text AS body
FROM r
