-- When a patrol was last in each grid, for a screen's starting state.
SELECT json_build_object('gridCode', grid_code, 'lastAt', iso_utc(last_at)) AS summary
FROM grid_patrol_visits
ORDER BY grid_code
