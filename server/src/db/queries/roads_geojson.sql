-- The base map's roads and railway as one GeoJSON FeatureCollection (text, sent as it is).
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
  'type', 'Feature', 'id', id::text, 'geometry', ST_AsGeoJSON(geom, 6)::json,
  'properties', json_build_object('kind', kind, 'name', name)
) ORDER BY id), '[]'::json))::text AS body
FROM roads
