-- Current grids in scope, and how many of them a patrol was in during the last hours. $1 now,
-- $2 region code: the grids its code's prefix begins (division codes nest), or a grid code: that
-- grid alone (NULL: the whole store), $3 the window in hours. Uses grid_patrol_visits' primary key.
SELECT count(*) AS grids, count(*) FILTER (WHERE v.last_at >= $1::timestamptz - make_interval(hours => $3)) AS visited
FROM grids g
JOIN regions com ON com.id = g.community_id
LEFT JOIN grid_patrol_visits v ON v.grid_code = g.code
WHERE g.valid_to IS NULL
  AND ($2::text IS NULL OR g.code LIKE region_prefix($2) || '%')
