-- Each patrol unit's latest fix, for a screen's starting state. Uses patrol_fixes_unit_at_idx.
SELECT json_build_object('unitId', u.id, 'code', u.code, 'kind', u.kind, 'townshipCode', u.township_code,
         'fixes', json_build_array(json_build_object(
           'at', to_char(f.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'location', json_build_array(round(ST_X(f.geom)::numeric, 6), round(ST_Y(f.geom)::numeric, 6)),
           'speedMps', f.speed_mps, 'heading', f.heading))) AS summary
FROM patrol_unit_public u
JOIN LATERAL (SELECT * FROM patrol_fixes WHERE unit_id = u.id ORDER BY at DESC LIMIT 1) f ON true
ORDER BY u.id
