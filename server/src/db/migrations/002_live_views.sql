-- What the live stream and the lists may show of a case, a camera, a patrol unit: public fields
-- only. Every broadcast payload, list and snapshot reads these views, so no query that feeds the
-- stream can reach a description or a party.

CREATE VIEW case_public AS
SELECT c.id, c.state, c.level, c.due_at, c.grid_id, c.community_id, c.township_id,
       json_build_object(
         'id', c.id, 'code', c.code, 'category', c.category, 'kind', c.kind, 'source', c.source,
         'location', json_build_array(round(ST_X(c.geom)::numeric, 6), round(ST_Y(c.geom)::numeric, 6)),
         'gridCode', g.code, 'communityCode', com.code, 'townshipCode', t.code,
         'level', c.level, 'state', c.state,
         'reportedAt', to_char(c.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'dueAt', to_char(c.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'escalations', c.escalations,
         'closedAt', to_char(c.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'resolved', c.resolved, 'satisfaction', c.satisfaction
       ) AS summary
FROM cases c
JOIN grids g ON g.id = c.grid_id
JOIN regions com ON com.id = c.community_id
JOIN regions t ON t.id = c.township_id;

CREATE VIEW camera_public AS
SELECT cam.id,
       json_build_object(
         'id', cam.id, 'code', cam.code, 'class', cam.class, 'state', cam.state,
         'stateChangedAt', to_char(cam.state_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'location', json_build_array(round(ST_X(cam.geom)::numeric, 6), round(ST_Y(cam.geom)::numeric, 6)),
         'townshipCode', (SELECT t.code FROM regions t WHERE t.level = 'township' AND ST_Covers(t.geom, cam.geom) ORDER BY t.code LIMIT 1)
       ) AS summary
FROM cameras cam;

-- A unit's township, for routing its fixes to the township's room.
CREATE VIEW patrol_unit_public AS
SELECT u.id, u.code, u.kind, t.code AS township_code
FROM patrol_units u JOIN regions t ON t.id = u.region_id;
