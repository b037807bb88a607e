-- Each patrol unit's trail, for a screen's starting state ($4 an area's code prefix: the units whose latest fix
-- lies in it; NULL: all): over the $2 hours before $1 (now), the
-- latest fix of each $3-second step back from now, and the unit's latest fix wherever it lies, oldest
-- first. One probe of patrol_fixes_unit_at_idx a unit and step, so the cost does not grow with how
-- often units report.
WITH steps AS (
  SELECT $1::timestamptz - make_interval(secs => k * $3::float8) AS upto,
         $1::timestamptz - make_interval(secs => (k + 1) * $3::float8) AS after
  FROM generate_series(0, ceil($2::float8 * 3600 / $3::float8)::int - 1) k
)
SELECT json_build_object('unitId', u.id, 'code', u.code, 'kind', u.kind, 'townshipCode', u.township_code,
         'gridCode', latest.grid_code, 'leftGridCode', NULL,
         'fixes', (
           SELECT json_agg(json_build_object(
                    'at', iso_utc(f.at),
                    'location', json_build_array(round(ST_X(f.geom)::numeric, 6), round(ST_Y(f.geom)::numeric, 6)),
                    'speedMps', f.speed_mps, 'heading', f.heading, 'gridCode', f.grid_code) ORDER BY f.at, f.id)
           FROM (
             SELECT s.id FROM steps
             CROSS JOIN LATERAL (
               SELECT id FROM patrol_fixes
               WHERE unit_id = u.id AND at <= steps.upto AND at > steps.after
               ORDER BY at DESC, id DESC LIMIT 1
             ) s
             UNION
             SELECT latest.id
           ) picked
           JOIN patrol_fixes f ON f.id = picked.id)) AS summary
FROM patrol_unit_public u
JOIN LATERAL (SELECT id, grid_code FROM patrol_fixes WHERE unit_id = u.id ORDER BY at DESC, id DESC LIMIT 1) latest ON true
WHERE $4::text IS NULL OR latest.grid_code LIKE $4 || '%'
ORDER BY u.id
