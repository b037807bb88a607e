-- One area as a duty leader drills into it (AreaProfile in contract/areas.ts), in one statement, so one
-- snapshot: a current grid or a township/street, its shape, who is responsible, which cameras see it,
-- which patrols are or were in it. No row when there is no such area. $1 level ('grid' or 'township'),
-- $2 code, $3 now, $4 the patrol window in hours. Each level is a branch of its own rather than an OR of
-- both: the statement is prepared, and in its generic plan the branch a level does not take costs
-- nothing, while each keeps its index (grids_current_code_idx, the regions' code).
-- The people's mediation committee (人民调解委员会) serving the area is a grid's community's or the township's
-- own (null if the store holds none); the specialised committees serving it are those of the regions it
-- holds (`own`) or lies in (`up`), as GET /mediation-bodies finds them, read by mediation_bodies_region_idx.
WITH RECURSIVE area AS (
  SELECT 'grid' AS level, g.code, g.name, g.kind, g.geom, g.households, com.id AS parent_id,
         (SELECT b.name FROM mediation_bodies b WHERE b.region_id = com.id AND b.kind = 'community' ORDER BY b.id LIMIT 1) AS committee,
         ARRAY[com.id] AS own
  FROM grids g JOIN regions com ON com.id = g.community_id
  WHERE $1 = 'grid' AND g.code = $2 AND g.valid_to IS NULL
  UNION ALL
  SELECT 'township', t.code, t.name, t.kind, t.geom, t.households, t.parent_id,
         (SELECT b.name FROM mediation_bodies b WHERE b.region_id = t.id AND b.kind = 'township' ORDER BY b.id LIMIT 1),
         ARRAY[t.id] || ARRAY(SELECT com.id FROM regions com WHERE com.parent_id = t.id)
  FROM regions t
  WHERE $1 = 'township' AND t.code = $2 AND t.level = 'township'
), up AS (
  -- The regions the area lies in, nearest first, up to the store's top region.
  SELECT p.id, p.code, p.name, p.level, p.kind, p.parent_id, 1 AS depth FROM area a JOIN regions p ON p.id = a.parent_id
  UNION ALL
  SELECT p.id, p.code, p.name, p.level, p.kind, p.parent_id, u.depth + 1 FROM up u JOIN regions p ON p.id = u.parent_id
), area_grids AS (
  SELECT g.code, g.leaders, g.fulltime_workers, g.parttime_workers
  FROM grids g
  WHERE $1 = 'grid' AND g.code = $2 AND g.valid_to IS NULL
  UNION ALL
  SELECT g.code, g.leaders, g.fulltime_workers, g.parttime_workers
  FROM regions t JOIN regions com ON com.parent_id = t.id JOIN grids g ON g.community_id = com.id AND g.valid_to IS NULL
  WHERE $1 = 'township' AND t.code = $2 AND t.level = 'township'
), seen_by AS (
  -- The wedge starts at the camera, but snapped to 1e-6 degrees: a camera on the area's edge could
  -- miss it by a hair, so standing inside counts on its own (cameras_geom_idx, cameras_view_geom_idx).
  SELECT cam.id, cam.code, cam.class, cam.state, cam.geom, ST_Covers(a.geom, cam.geom) AS inside
  FROM area a JOIN cameras cam ON ST_Covers(a.geom, cam.geom) OR ST_Intersects(cam.view_geom, a.geom)
), latest AS (
  -- Each unit's latest fix: one probe of patrol_fixes_unit_at_idx a unit.
  SELECT u.id, u.code, u.kind, f.at, f.grid_code
  FROM patrol_units u
  CROSS JOIN LATERAL (SELECT at, grid_code FROM patrol_fixes WHERE unit_id = u.id ORDER BY at DESC, id DESC LIMIT 1) f
), recent AS (
  -- Uses patrol_fixes_grid_at_idx: only the area's grids' fixes of the window are read.
  SELECT f.unit_id, max(f.at) AS at
  FROM area_grids ag JOIN patrol_fixes f ON f.grid_code = ag.code
  WHERE f.at >= $3::timestamptz - make_interval(hours => $4) AND f.at <= $3
  GROUP BY f.unit_id
)
SELECT json_build_object(
  'at', iso_utc($3),
  'level', a.level, 'code', a.code, 'name', a.name, 'kind', a.kind,
  'bbox', json_build_array(round(ST_XMin(a.geom)::numeric, 6), round(ST_YMin(a.geom)::numeric, 6),
                           round(ST_XMax(a.geom)::numeric, 6), round(ST_YMax(a.geom)::numeric, 6)),
  'geometry', ST_AsGeoJSON(a.geom, 6)::json,
  'parents', coalesce((
    SELECT json_agg(json_build_object('code', u.code, 'name', u.name, 'level', u.level, 'kind', u.kind) ORDER BY u.depth) FROM up u), '[]'::json),
  'responsible', (
    SELECT json_build_object(
      'households', a.households, 'grids', count(*), 'leaders', coalesce(sum(ag.leaders), 0),
      'fulltimeWorkers', coalesce(sum(ag.fulltime_workers), 0), 'parttimeWorkers', coalesce(sum(ag.parttime_workers), 0),
      'mediationCommittee', a.committee,
      'specialisedCommittees', (SELECT count(*) FROM mediation_bodies b WHERE b.region_id = ANY (a.own || ARRAY(SELECT id FROM up)) AND b.kind = 'specialised'),
      'roster', coalesce((
        SELECT json_agg(json_build_object('code', r.code, 'gridCode', r.grid_code, 'role', r.role) ORDER BY r.grid_code, r.rank, r.post_no)
        FROM grid_worker_roster r JOIN area_grids ag2 ON ag2.code = r.grid_code), '[]'::json))
    FROM area_grids ag),
  'cover', json_build_object(
    'cameras', coalesce((
      SELECT json_agg(json_build_object('id', s.id, 'code', s.code, 'class', s.class, 'state', s.state, 'inside', s.inside,
                                        'location', json_build_array(round(ST_X(s.geom)::numeric, 6), round(ST_Y(s.geom)::numeric, 6))) ORDER BY s.id)
      FROM seen_by s), '[]'::json),
    'cameraStates', (
      SELECT json_build_object('online', count(*) FILTER (WHERE s.state = 'online'), 'offline', count(*) FILTER (WHERE s.state = 'offline'),
                               'faulty', count(*) FILTER (WHERE s.state = 'faulty'))
      FROM seen_by s),
    'patrols', json_build_object(
      'hours', $4,
      'inside', coalesce((
        SELECT json_agg(json_build_object('unitId', l.id, 'code', l.code, 'kind', l.kind, 'at', iso_utc(l.at)) ORDER BY l.code)
        FROM latest l WHERE l.grid_code IN (SELECT code FROM area_grids)), '[]'::json),
      'recent', coalesce((
        SELECT json_agg(json_build_object('unitId', l.id, 'code', l.code, 'kind', l.kind, 'at', iso_utc(rc.at)) ORDER BY l.code)
        FROM recent rc JOIN latest l ON l.id = rc.unit_id), '[]'::json)),
    'lastWalkedAt', (SELECT iso_utc(max(v.last_at)) FROM grid_patrol_visits v JOIN area_grids ag ON ag.code = v.grid_code))
) AS profile
FROM area a
