-- A patrol unit's batch of fixes, the grids it was in, and its change for the stream, in one statement
-- (one transaction). No row back means there is no such unit. $1 unit id; arrays of equal length,
-- oldest first: $2 times, $3 lons, $4 lats, $5 speeds (m/s), $6 headings; $7 now; $8 the trail step (s): the
-- change carries, of the fixes in one grid and one step's window, the latest (see `PatrolFixes`).
-- Each fix's grid is the current one covering it, a point on a shared edge going to the lower code as
-- in grid_at.sql (grids_current_geom_idx). The payload names the grid of the unit's latest fix after the
-- batch and, when the unit has left it, the grid of its latest fix before: the grid rooms it goes to.
WITH unit AS (
  SELECT id, code, kind, township_code FROM patrol_unit_public WHERE id = $1
), fixes AS (
  SELECT f.n, f.at, f.lon, f.lat, f.speed, f.heading, g.code AS grid_code
  FROM unnest($2::timestamptz[], $3::float8[], $4::float8[], $5::real[], $6::real[]) WITH ORDINALITY AS f (at, lon, lat, speed, heading, n)
  LEFT JOIN LATERAL (
    SELECT code FROM grids
    WHERE valid_to IS NULL AND ST_Covers(geom, ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326))
    ORDER BY code LIMIT 1
  ) g ON true
), before AS (
  -- A statement does not see its own insert: this is the unit's latest fix before the batch.
  SELECT at, grid_code FROM patrol_fixes WHERE unit_id = $1 ORDER BY at DESC, id DESC LIMIT 1
), latest AS (
  -- A late batch of old fixes leaves the unit where its latest stored fix puts it.
  SELECT grid_code FROM (
    SELECT at, 0 AS n, grid_code FROM before
    UNION ALL
    SELECT at, n, grid_code FROM fixes
  ) f
  ORDER BY at DESC, n DESC LIMIT 1
), ins AS (
  INSERT INTO patrol_fixes (unit_id, at, geom, speed_mps, heading, grid_code)
  SELECT unit.id, f.at, ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326), f.speed, f.heading, f.grid_code FROM unit, fixes f
), visits AS (
  -- One row a grid (ON CONFLICT may touch a row once per statement), in code order so that batches
  -- sharing grids lock them in the same order; a late batch of old fixes never moves a visit back.
  INSERT INTO grid_patrol_visits AS v (grid_code, last_at)
  SELECT f.grid_code, max(f.at) FROM unit, fixes f WHERE f.grid_code IS NOT NULL GROUP BY f.grid_code ORDER BY f.grid_code
  ON CONFLICT (grid_code) DO UPDATE SET last_at = greatest(v.last_at, excluded.last_at)
), payload AS (
  SELECT unit.id, json_build_object('unitId', unit.id, 'code', unit.code, 'kind', unit.kind, 'townshipCode', unit.township_code,
           'gridCode', (SELECT grid_code FROM latest),
           'leftGridCode', (SELECT b.grid_code FROM before b, latest l WHERE b.grid_code IS DISTINCT FROM l.grid_code),
           'fixes', (SELECT json_agg(json_build_object('at', iso_utc(f.at), 'location', json_build_array(f.lon, f.lat),
                                                       'speedMps', f.speed, 'heading', f.heading, 'gridCode', f.grid_code) ORDER BY f.n)
                     FROM (SELECT DISTINCT ON (grid_code, floor(extract(epoch FROM at) / $8)) * FROM fixes
                           ORDER BY grid_code, floor(extract(epoch FROM at) / $8), at DESC, n DESC) f)) AS j
  FROM unit
)
-- The change is logged by the final SELECT itself: a CTE that only SELECTs runs only when read.
SELECT p.j AS payload FROM payload p, LATERAL log_change($7, 'patrol', p.id::text, 'update', p.j::jsonb) AS logged
