-- Sharp Eyes cameras as OGC API features (ogcRouter): one page in code order, with how many matched
-- and how many the page holds. What a camera is and where it looks; a camera records nobody. $1..$4
-- bbox west, south, east, north in CRS84 (west east of east: the two boxes either side of the
-- antimeridian), $5 limit, $6 offset, $7 a camera code (one feature); each filter NULL for none. Uses
-- cameras_geom_idx for the bbox and the unique index on code. A camera's state changes are not its
-- time of existence, so datetime selects every camera (/req/core/fc-time-response C).
WITH matched AS (
  SELECT cam.id, cam.code
  FROM cameras cam
  WHERE ($1::float8 IS NULL
         OR ST_Intersects(cam.geom, ST_MakeEnvelope($1, $2, CASE WHEN $1 <= $3 THEN $3 ELSE 180 END, $4, 4326))
         OR ($1 > $3 AND ST_Intersects(cam.geom, ST_MakeEnvelope(-180, $2, $3, $4, 4326))))
    AND ($7::text IS NULL OR cam.code = $7)
),
page AS (
  SELECT * FROM cameras WHERE id IN (SELECT id FROM matched ORDER BY code LIMIT $5 OFFSET $6)
)
SELECT (SELECT count(*) FROM matched) AS matched, count(*) AS returned,
       coalesce(json_agg(json_build_object(
         'type', 'Feature',
         'id', code,
         'geometry', ST_AsGeoJSON(geom, 6)::json,
         'properties', json_build_object(
           'code', code, 'class', class, 'capture', capture, 'site', site, 'state', state,
           'bearingDeg', bearing_deg, 'fovDeg', fov_deg, 'rangeM', range_m)
       ) ORDER BY code), '[]'::json)::text AS features
FROM page
