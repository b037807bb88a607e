-- Current grids as one GeoJSON FeatureCollection (text, sent as it is), optionally within a bbox,
-- under a region of any level (the grids its code's prefix begins), of one kind. $1..$4 bbox min lon, min lat,
-- max lon, max lat, $5 region code, $6 kind (each NULL for no filter). Uses grids_current_geom_idx.
-- Each feature from grid_feature (migration 009). At most $7 grids: past that, body is NULL and `grids` says
-- only that there are more (a province's 134,500 would be 75 MB of text, built for each reader); the
-- collection is built only when it is not (an uncorrelated subquery in a CASE runs only when its branch is taken).
WITH wanted AS MATERIALIZED (
  SELECT g AS grid, g.code, c.code AS community_code, t.code AS township_code
  FROM grids g
  JOIN regions c ON c.id = g.community_id
  JOIN regions t ON t.id = c.parent_id
  WHERE g.valid_to IS NULL
    AND ($1::float8 IS NULL OR ST_Intersects(g.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
    AND ($5::text IS NULL OR g.code LIKE region_prefix($5) || '%')
    AND ($6::text IS NULL OR g.kind = $6)
  LIMIT $7 + 1
), counted AS (
  SELECT count(*)::int AS grids FROM wanted
)
SELECT grids,
  CASE WHEN grids > $7 THEN NULL ELSE (
    SELECT json_build_object('type', 'FeatureCollection', 'features',
             coalesce(json_agg(grid_feature(grid, community_code, township_code) ORDER BY code), '[]'::json))::text
    FROM wanted
  ) END AS body
FROM counted
