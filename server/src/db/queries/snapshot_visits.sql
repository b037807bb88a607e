-- When a patrol was last in each grid, for a screen's starting state; $1 an area's code prefix (NULL: all).
SELECT json_build_object('gridCode', grid_code, 'lastAt', iso_utc(last_at)) AS summary
FROM grid_patrol_visits
WHERE $1::text IS NULL OR grid_code LIKE $1 || '%'
ORDER BY grid_code
