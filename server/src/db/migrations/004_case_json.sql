-- One definition of what the stream may show of a case and of a camera, as functions of a row, so a
-- single statement can build the payload of a row it has just written (a CTE cannot see its own
-- writes through a view). The views keep their shape and now call the functions.

CREATE FUNCTION iso_utc(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- A case's reference: AD, the Beijing date it was reported, and its id, e.g. AD20261123009745.
CREATE FUNCTION case_code(id bigint, reported_at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'AD' || to_char((reported_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYYMMDD') || lpad(id::text, 6, '0')
$$;

CREATE FUNCTION case_json(c cases) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', c.id, 'code', c.code, 'category', c.category, 'kind', c.kind, 'source', c.source,
    'location', json_build_array(round(ST_X(c.geom)::numeric, 6), round(ST_Y(c.geom)::numeric, 6)),
    'gridCode', (SELECT code FROM grids WHERE id = c.grid_id),
    'communityCode', (SELECT code FROM regions WHERE id = c.community_id),
    'townshipCode', (SELECT code FROM regions WHERE id = c.township_id),
    'level', c.level, 'state', c.state, 'reportedAt', iso_utc(c.reported_at), 'dueAt', iso_utc(c.due_at),
    'escalations', c.escalations, 'closedAt', iso_utc(c.closed_at), 'resolved', c.resolved, 'satisfaction', c.satisfaction)
$$;

CREATE FUNCTION camera_json(cam cameras) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', cam.id, 'code', cam.code, 'class', cam.class, 'state', cam.state, 'stateChangedAt', iso_utc(cam.state_changed_at),
    'location', json_build_array(round(ST_X(cam.geom)::numeric, 6), round(ST_Y(cam.geom)::numeric, 6)),
    'townshipCode', (SELECT t.code FROM regions t WHERE t.level = 'township' AND ST_Covers(t.geom, cam.geom) ORDER BY t.code LIMIT 1))
$$;

CREATE OR REPLACE VIEW case_public AS
SELECT c.id, c.state, c.level, c.due_at, c.grid_id, c.community_id, c.township_id, case_json(c) AS summary
FROM cases c;

CREATE OR REPLACE VIEW camera_public AS
SELECT cam.id, camera_json(cam) AS summary FROM cameras cam;
