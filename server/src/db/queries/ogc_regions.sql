-- Regions (the city, its townships and streets, their communities and villages) as OGC API features
-- (ogcRouter): one page in code order, with how many matched and how many the page holds. $1..$4 bbox
-- west, south, east, north in CRS84 (west east of east: the two boxes either side of the
-- antimeridian), $5 limit, $6 offset, $7 a region code (one feature); each filter NULL for none.
-- Uses regions_geom_idx for the bbox and the unique index on code. A region has no time of its own,
-- so datetime selects every region (/req/core/fc-time-response C) and is not a parameter here.
WITH matched AS (
  SELECT r.id, r.code
  FROM regions r
  WHERE ($1::float8 IS NULL
         OR ST_Intersects(r.geom, ST_MakeEnvelope($1, $2, CASE WHEN $1 <= $3 THEN $3 ELSE 180 END, $4, 4326))
         OR ($1 > $3 AND ST_Intersects(r.geom, ST_MakeEnvelope(-180, $2, $3, $4, 4326))))
    AND ($7::text IS NULL OR r.code = $7)
),
page AS (
  SELECT r.*, p.code AS parent_code,
         (SELECT count(*) FROM grids g WHERE g.valid_to IS NULL AND g.code ~>=~ region_prefix(r.code) AND g.code ~<~ (region_prefix(r.code) || ':')) AS grid_count
  FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
  WHERE r.id IN (SELECT id FROM matched ORDER BY code LIMIT $5 OFFSET $6)
)
SELECT (SELECT count(*) FROM matched) AS matched, count(*) AS returned,
       coalesce(json_agg(json_build_object(
         'type', 'Feature',
         'id', code,
         'geometry', ST_AsGeoJSON(geom, 6)::json,
         'properties', json_build_object(
           'code', code, 'name', name, 'level', level, 'kind', kind, 'parentCode', parent_code,
           'households', households, 'gridCount', grid_count)
       ) ORDER BY code), '[]'::json)::text AS features
FROM page
