-- What the wall shows beyond cases: how much of each grid the cameras see (as built and working now),
-- when a patrol was last in each grid, and the grid each patrol fix lies in.

-- When a patrol was last in each grid, kept by the statement that records fixes, so the wall and the
-- KPIs read one row a grid instead of scanning every fix. grid_code is the 15-digit code, so a
-- redrawn grid (a new version, same code) keeps its history.
CREATE TABLE grid_patrol_visits (
  grid_code  text PRIMARY KEY CHECK (grid_code ~ '^[0-9]{15}$'),
  last_at    timestamptz NOT NULL
);

-- The current grid covering each fix, resolved once when it is recorded (the same rule as
-- grid_at.sql), so trails and visits never repeat the point-in-polygon lookup. NULL outside the city.
ALTER TABLE patrol_fixes ADD COLUMN grid_code text;

-- A camera's viewing wedge: apex at the camera, an arc of `range_m` metres spanning `fov_deg` around
-- `bearing_deg` (compass degrees), one arc vertex per 10 degrees and at least 3 segments, projected on
-- the spheroid; a full circle when it sees all round. Snapped to 1e-6 degrees like every stored shape.
-- PL/pgSQL because a SQL function with a subquery is not inlined and costs three times as much a call;
-- its search path is fixed because a generated column calls it, also where pg_restore empties the path.
CREATE FUNCTION camera_view(at geometry, bearing_deg float8, fov_deg float8, range_m float8)
RETURNS geometry LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT AS $$
DECLARE
  here geography := at::geography;
  n int := greatest(3, ceil(fov_deg / 10));
  outline geometry[] := ARRAY[at];
BEGIN
  IF fov_deg >= 360 THEN
    RETURN ST_SnapToGrid(ST_Buffer(here, range_m, 'quad_segs=9')::geometry, 1e-6);
  END IF;
  FOR k IN 0..n LOOP
    outline := outline || ST_Project(here, range_m, radians(bearing_deg - fov_deg / 2 + fov_deg * k / n))::geometry;
  END LOOP;
  RETURN ST_SnapToGrid(ST_MakePolygon(ST_MakeLine(outline || at)), 1e-6);
END $$;

ALTER TABLE cameras ADD COLUMN view_geom geometry(Polygon, 4326)
  GENERATED ALWAYS AS (camera_view(geom, bearing_deg, fov_deg, range_m)) STORED;
CREATE INDEX cameras_view_geom_idx ON cameras USING gist (view_geom);

-- How much of each current grid the cameras see, in m² on the spheroid: inside any camera's view
-- (designed) and inside an online camera's view (working). Kept, not computed on read: a union of
-- dozens of wedges per grid is too slow for a snapshot.
CREATE TABLE grid_camera_cover (
  grid_code    text PRIMARY KEY CHECK (grid_code ~ '^[0-9]{15}$'),
  cameras      integer NOT NULL CHECK (cameras >= 0),
  online       integer NOT NULL CHECK (online >= 0 AND online <= cameras),
  designed_m2  float8 NOT NULL CHECK (designed_m2 >= 0),
  working_m2   float8 NOT NULL CHECK (working_m2 >= 0),
  area_m2      float8 NOT NULL CHECK (area_m2 > 0)
);

-- Recomputes the cover of the named current grids and returns the new rows. Only cameras whose view
-- reaches a grid take part (cameras_view_geom_idx). Online and other views are unioned apart and the
-- designed view is their union: the union of a grid's wedges is the costly part, and this does it
-- once, not twice.
-- The grids' rows are locked first, in code order (so two refreshes cannot deadlock), and the cover is
-- computed by the next statement, which a volatile function runs on a fresh snapshot: a refresh that
-- waited for another's commit sees that camera's new state instead of overwriting it with the old.
CREATE FUNCTION refresh_grid_cover(codes text[]) RETURNS SETOF grid_camera_cover LANGUAGE sql AS $$
  SELECT 1 FROM grid_camera_cover WHERE grid_code = ANY (codes) ORDER BY grid_code FOR UPDATE;
  WITH views AS (
    SELECT g.code, g.geom, count(c.id) AS cameras, count(c.id) FILTER (WHERE c.state = 'online') AS online,
           ST_UnaryUnion(ST_Collect(c.view_geom) FILTER (WHERE c.state = 'online')) AS up,
           ST_UnaryUnion(ST_Collect(c.view_geom) FILTER (WHERE c.state <> 'online')) AS down
    FROM grids g
    LEFT JOIN cameras c ON ST_Intersects(c.view_geom, g.geom)
    WHERE g.valid_to IS NULL AND g.code = ANY (codes)
    GROUP BY g.id
  )
  INSERT INTO grid_camera_cover AS gc (grid_code, cameras, online, designed_m2, working_m2, area_m2)
  SELECT v.code, v.cameras, v.online,
         -- Overlay arithmetic may leave the larger region a hair smaller than the part of it.
         CASE WHEN v.down IS NULL THEN w.m2 ELSE greatest(w.m2, ST_Area(ST_Intersection(v.geom,
           CASE WHEN v.up IS NULL THEN v.down ELSE ST_Union(v.up, v.down) END)::geography)) END,
         w.m2, ST_Area(v.geom::geography)
  FROM views v, LATERAL (SELECT coalesce(ST_Area(ST_Intersection(v.geom, v.up)::geography), 0) AS m2) w
  ORDER BY v.code
  ON CONFLICT (grid_code) DO UPDATE SET cameras = excluded.cameras, online = excluded.online,
    designed_m2 = excluded.designed_m2, working_m2 = excluded.working_m2, area_m2 = excluded.area_m2
  RETURNING gc.*
$$;

-- A grid's cover as the stream carries it (GridCover in contract/live.ts): shares of its area, 0..1.
CREATE FUNCTION cover_json(gc grid_camera_cover) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'gridCode', gc.grid_code,
    'townshipCode', (SELECT t.code FROM grids g JOIN regions com ON com.id = g.community_id JOIN regions t ON t.id = com.parent_id
                     WHERE g.code = gc.grid_code AND g.valid_to IS NULL),
    'cameras', gc.cameras, 'online', gc.online,
    'designedShare', round((gc.designed_m2 / gc.area_m2)::numeric, 4),
    'workingShare', round((gc.working_m2 / gc.area_m2)::numeric, 4))
$$;

ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check
  CHECK (entity IN ('region', 'grid', 'camera', 'patrol', 'case', 'cover'));

CREATE OR REPLACE FUNCTION camera_json(cam cameras) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', cam.id, 'code', cam.code, 'class', cam.class, 'state', cam.state, 'stateChangedAt', iso_utc(cam.state_changed_at),
    'location', json_build_array(round(ST_X(cam.geom)::numeric, 6), round(ST_Y(cam.geom)::numeric, 6)),
    'townshipCode', (SELECT t.code FROM regions t WHERE t.level = 'township' AND ST_Covers(t.geom, cam.geom) ORDER BY t.code LIMIT 1),
    'bearingDeg', cam.bearing_deg, 'fovDeg', cam.fov_deg, 'rangeM', cam.range_m)
$$;

-- A store seeded by an earlier version: its fixes get their grids (the lower code on a shared edge,
-- as grid_at.sql), its grids their visits and cover. Driven by grids through patrol_fixes_geom_idx,
-- one prepared polygon a grid: a day of simulated fixes is millions of rows.
UPDATE patrol_fixes f SET grid_code = located.code
FROM (
  SELECT DISTINCT ON (p.id) p.id, g.code
  FROM grids g CROSS JOIN LATERAL (SELECT id FROM patrol_fixes WHERE ST_Covers(g.geom, geom)) p
  WHERE g.valid_to IS NULL
  ORDER BY p.id, g.code
) located
WHERE f.id = located.id;
INSERT INTO grid_patrol_visits (grid_code, last_at)
SELECT grid_code, max(at) FROM patrol_fixes WHERE grid_code IS NOT NULL GROUP BY grid_code;
SELECT count(*) FROM refresh_grid_cover(ARRAY(SELECT code FROM grids WHERE valid_to IS NULL));

-- Nothing looks fixes up by place any more (each keeps its grid), and this index was most of the cost
-- of writing one.
DROP INDEX patrol_fixes_geom_idx;
