-- What a duty leader's drill-down into a grid or a township needs: a version on every case, so two
-- leaders acting on one case at once cannot both act on a stale view; the grid worker a case is
-- assigned to; the grid workers' posts as call signs; every camera's and patrol change's grid, so a
-- grid's room hears of them.

-- Raised by every update of a case (update_case.sql); a step may name the version it was decided on.
ALTER TABLE cases ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
-- A post of grid_worker_roster, never a person's name.
ALTER TABLE cases ADD COLUMN assignee text CHECK (assignee ~ '^[0-9]{15}-[LFP][0-9]+$');

-- Assigning is recorded in the history beside the loop's steps, with the post it named.
ALTER TABLE case_history DROP CONSTRAINT case_history_step_check;
ALTER TABLE case_history ADD CONSTRAINT case_history_step_check
  CHECK (step IN ('collect', 'verify', 'handle', 'report_up', 'route', 'supervise', 'feed_back', 'close', 'assign'));
ALTER TABLE case_history ADD COLUMN assignee text CHECK (assignee ~ '^[0-9]{15}-[LFP][0-9]+$');
ALTER TABLE case_history ADD CONSTRAINT case_history_assign_names_post CHECK ((step = 'assign') = (assignee IS NOT NULL));

-- The posts of every current grid, from its counts: one row a post, coded by its grid and its role
-- (L grid leader 网格长, F full-time 专职, P part-time 兼职 grid worker) and numbered from 1, e.g.
-- 231281001001001-F1. The store keeps no people: these call signs are what a case is assigned to.
CREATE VIEW grid_worker_roster AS
SELECT g.code || '-' || p.letter || n AS code, g.code AS grid_code, p.role, p.rank, n AS post_no
FROM grids g
CROSS JOIN LATERAL (VALUES (1, 'leader', 'L', g.leaders::int), (2, 'fulltime', 'F', g.fulltime_workers::int),
                           (3, 'parttime', 'P', g.parttime_workers::int)) AS p (rank, role, letter, posts)
CROSS JOIN LATERAL generate_series(1, p.posts) AS n
WHERE g.valid_to IS NULL;

CREATE OR REPLACE FUNCTION case_json(c cases) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', c.id, 'code', c.code, 'category', c.category, 'kind', c.kind, 'source', c.source,
    'location', json_build_array(round(ST_X(c.geom)::numeric, 6), round(ST_Y(c.geom)::numeric, 6)),
    'gridCode', (SELECT code FROM grids WHERE id = c.grid_id),
    'communityCode', (SELECT code FROM regions WHERE id = c.community_id),
    'townshipCode', (SELECT code FROM regions WHERE id = c.township_id),
    'level', c.level, 'state', c.state, 'reportedAt', iso_utc(c.reported_at), 'dueAt', iso_utc(c.due_at),
    'escalations', c.escalations, 'closedAt', iso_utc(c.closed_at), 'resolved', c.resolved, 'satisfaction', c.satisfaction,
    'version', c.version, 'assignee', c.assignee)
$$;

-- The lists filter by kind and by how long ago a case closed, and order open cases by age.
CREATE OR REPLACE VIEW case_public AS
SELECT c.id, c.state, c.level, c.due_at, c.grid_id, c.community_id, c.township_id, case_json(c) AS summary,
       c.kind, c.reported_at, c.closed_at
FROM cases c;

-- A camera's grid: the current grid covering its point, the lower code on a shared edge (as grid_at.sql).
CREATE OR REPLACE FUNCTION camera_json(cam cameras) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', cam.id, 'code', cam.code, 'class', cam.class, 'state', cam.state, 'stateChangedAt', iso_utc(cam.state_changed_at),
    'location', json_build_array(round(ST_X(cam.geom)::numeric, 6), round(ST_Y(cam.geom)::numeric, 6)),
    'townshipCode', (SELECT t.code FROM regions t WHERE t.level = 'township' AND ST_Covers(t.geom, cam.geom) ORDER BY t.code LIMIT 1),
    'gridCode', (SELECT g.code FROM grids g WHERE g.valid_to IS NULL AND ST_Covers(g.geom, cam.geom) ORDER BY g.code LIMIT 1),
    'bearingDeg', cam.bearing_deg, 'fovDeg', cam.fov_deg, 'rangeM', cam.range_m)
$$;

-- Which patrol units were in an area's grids during the last hours: without it that is a read of
-- every unit's fixes of those hours (half a million rows in four hours of the simulated demo).
CREATE INDEX patrol_fixes_grid_at_idx ON patrol_fixes (grid_code, at);

-- Case changes logged before this migration are still replayed (for RETAIN_CHANGES_HOURS): give
-- them the fields a screen now reads, as every case has them now (version 1, nobody assigned).
UPDATE change_log SET payload = payload || '{"version": 1, "assignee": null}'::jsonb
WHERE entity = 'case' AND NOT payload ? 'version';
