-- Current grids as OGC API features (ogcRouter): one page in code order, with how many matched and
-- how many the page holds. $1..$4 bbox west, south, east, north in CRS84; a west edge east of the east
-- edge spans the antimeridian, so the box is the two either side of it. $5 the end of the datetime
-- parameter (the instant, or the interval's end): a current grid is valid from valid_from on, so it
-- meets every time from then. $6 limit, $7 offset, $8 a grid code (one feature). Each filter NULL for
-- none. Uses grids_current_geom_idx for the bbox and grids_current_code_idx for the code. Each feature
-- from grid_feature (migration 009).
WITH matched AS (
  SELECT g.id, g.code
  FROM grids g
  WHERE g.valid_to IS NULL
    AND ($1::float8 IS NULL
         OR ST_Intersects(g.geom, ST_MakeEnvelope($1, $2, CASE WHEN $1 <= $3 THEN $3 ELSE 180 END, $4, 4326))
         OR ($1 > $3 AND ST_Intersects(g.geom, ST_MakeEnvelope(-180, $2, $3, $4, 4326))))
    AND ($5::timestamptz IS NULL OR g.valid_from <= $5)
    AND ($8::text IS NULL OR g.code = $8)
),
page AS (
  SELECT g AS grid, g.code, c.code AS community_code, t.code AS township_code
  FROM grids g
  JOIN regions c ON c.id = g.community_id
  JOIN regions t ON t.id = c.parent_id
  WHERE g.id IN (SELECT id FROM matched ORDER BY code LIMIT $6 OFFSET $7)
)
SELECT (SELECT count(*) FROM matched) AS matched, count(*) AS returned,
       coalesce(json_agg(grid_feature(grid, community_code, township_code) ORDER BY code), '[]'::json)::text AS features
FROM page
