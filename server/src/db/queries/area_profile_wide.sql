-- An area above the township (a province, prefecture or county) as a duty leader drills into it
-- (WideAreaProfile in contract/areas.ts), in one statement, so one snapshot. No row when there is no region of
-- that level with that code. $1 level, $2 code, $3 now, $4 the patrol window in hours.
-- Everything is summed by township, then each township's sums are given to the child area it lies in (codes
-- nest: a township's code begins with its child's prefix; a county's children are its townships themselves),
-- so the children add up to the area. The lists a township's profile gives (posts, cameras, units) would run
-- to tens of thousands here: counts instead. Shapes are simplified to a 1,500th of the area's extent, about a
-- pixel of a screen framing it: a province's boundary in full is megabytes.
WITH RECURSIVE area AS (
  SELECT r.id, r.code, r.name, r.level, r.kind, r.geom, r.households, r.parent_id, region_prefix(r.code) AS prefix,
         greatest(ST_XMax(r.geom) - ST_XMin(r.geom), ST_YMax(r.geom) - ST_YMin(r.geom)) / 1500 AS tolerance
  FROM regions r
  WHERE r.code = $2 AND r.level = $1
), up AS (
  SELECT p.id, p.code, p.name, p.level, p.kind, p.parent_id, 1 AS depth FROM area a JOIN regions p ON p.id = a.parent_id
  UNION ALL
  SELECT p.id, p.code, p.name, p.level, p.kind, p.parent_id, u.depth + 1 FROM up u JOIN regions p ON p.id = u.parent_id
), children AS (
  SELECT c.id, c.code, c.name, c.level, c.kind, c.households, c.geom, coalesce(c.seat, ST_PointOnSurface(c.geom)) AS at,
         region_prefix(c.code) AS prefix
  FROM area a JOIN regions c ON c.parent_id = a.id
), townships AS (
  SELECT t.id, t.code, ch.code AS child
  FROM children ch JOIN regions t ON t.level = 'township' AND starts_with(t.code, ch.prefix)
), grid_sums AS (
  -- grids_community_idx: the area's grids by their communities, never the whole table's.
  SELECT ts.child, count(*) AS grids, sum(g.leaders) AS leaders, sum(g.fulltime_workers) AS fulltime, sum(g.parttime_workers) AS parttime
  FROM townships ts JOIN regions com ON com.parent_id = ts.id JOIN grids g ON g.community_id = com.id AND g.valid_to IS NULL
  GROUP BY ts.child
), case_sums AS (
  -- The open cases only (cases_open_due_idx holds exactly those), not every case the townships ever had.
  SELECT ts.child, count(*) AS open, count(*) FILTER (WHERE c.due_at < $3) AS overdue
  FROM cases c JOIN townships ts ON ts.id = c.township_id
  WHERE c.state <> 'closed'
  GROUP BY ts.child
), latest AS (
  -- Each unit's latest fix: one probe of patrol_fixes_unit_at_idx a unit.
  SELECT f.grid_code
  FROM patrol_units u
  CROSS JOIN LATERAL (SELECT grid_code FROM patrol_fixes WHERE unit_id = u.id ORDER BY at DESC, id DESC LIMIT 1) f
)
SELECT json_build_object(
  'at', iso_utc($3),
  'level', a.level, 'code', a.code, 'name', a.name, 'kind', a.kind,
  'bbox', json_build_array(round(ST_XMin(a.geom)::numeric, 6), round(ST_YMin(a.geom)::numeric, 6),
                           round(ST_XMax(a.geom)::numeric, 6), round(ST_YMax(a.geom)::numeric, 6)),
  'geometry', ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(a.geom, a.tolerance)), 6)::json,
  'parents', coalesce((
    SELECT json_agg(json_build_object('code', u.code, 'name', u.name, 'level', u.level, 'kind', u.kind) ORDER BY u.depth) FROM up u), '[]'::json),
  'responsible', (
    SELECT json_build_object(
      'households', a.households, 'grids', coalesce(sum(s.grids), 0), 'leaders', coalesce(sum(s.leaders), 0),
      'fulltimeWorkers', coalesce(sum(s.fulltime), 0), 'parttimeWorkers', coalesce(sum(s.parttime), 0),
      -- The bodies of the regions in the area, and the specialised ones of those it lies in too (which serve it).
      'committees', (
        SELECT json_build_object(
          'township', count(*) FILTER (WHERE b.kind = 'township' AND starts_with(r.code, a.prefix)),
          'community', count(*) FILTER (WHERE b.kind = 'community' AND starts_with(r.code, a.prefix)),
          'specialised', count(*) FILTER (WHERE b.kind = 'specialised'))
        FROM mediation_bodies b JOIN regions r ON r.id = b.region_id
        WHERE starts_with(r.code, a.prefix) OR r.id IN (SELECT id FROM up)))
    FROM grid_sums s),
  'cover', json_build_object(
    'cameraStates', (
      SELECT json_build_object('online', count(*) FILTER (WHERE cam.state = 'online'), 'offline', count(*) FILTER (WHERE cam.state = 'offline'),
                               'faulty', count(*) FILTER (WHERE cam.state = 'faulty'))
      -- A county's or prefecture's by each township's box (cameras_geom_idx) and recorded township: not found by
      -- reading a province's half million; a province's by reading them (a one-time filter picks the branch).
      FROM (SELECT cam.state FROM cameras cam WHERE a.level = 'province' AND starts_with(cam.township_code, a.prefix)
            UNION ALL
            SELECT cam.state FROM townships ts JOIN regions t ON t.id = ts.id JOIN cameras cam ON cam.geom && t.geom AND cam.township_code = ts.code
            WHERE a.level <> 'province') cam),
    'patrols', json_build_object(
      'hours', $4::integer,
      'inside', (SELECT count(*) FROM latest l WHERE starts_with(l.grid_code, a.prefix)),
      -- patrol_fixes_at_idx: the window's fixes, whichever grids they are in.
      'recent', (SELECT count(DISTINCT f.unit_id) FROM patrol_fixes f
                 WHERE f.at >= $3::timestamptz - make_interval(hours => $4) AND f.at <= $3 AND starts_with(f.grid_code, a.prefix))),
    'walkedGrids', (
      SELECT count(*) FROM grid_patrol_visits v
      WHERE starts_with(v.grid_code, a.prefix) AND v.last_at >= $3::timestamptz - make_interval(hours => $4))),
  'children', coalesce((
    SELECT json_agg(json_build_object(
             'code', ch.code, 'name', ch.name, 'level', ch.level, 'kind', ch.kind,
             'grids', coalesce(gs.grids, 0), 'households', ch.households, 'open', coalesce(cs.open, 0), 'overdue', coalesce(cs.overdue, 0),
             'at', json_build_array(round(ST_X(ch.at)::numeric, 6), round(ST_Y(ch.at)::numeric, 6)),
             'geometry', ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(ch.geom, a.tolerance)), 6)::json) ORDER BY ch.code)
    FROM children ch LEFT JOIN grid_sums gs ON gs.child = ch.code LEFT JOIN case_sums cs ON cs.child = ch.code), '[]'::json)
) AS profile
FROM area a
