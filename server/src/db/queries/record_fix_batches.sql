-- Many units' fixes in one statement (one transaction): each fix's grid, the grids' last visits, and one
-- change for the stream holding every unit's part (`PatrolMoves`). Arrays of equal length, a unit's fixes oldest first: $1 unit ids, $2 times,
-- $3 lons, $4 lats, $5 speeds (m/s), $6 headings; $7 now; $8 the trail step (s): a unit's change carries,
-- of its fixes in one grid and one step's window, the last sent (see `PatrolFixes`). One row back: how many units were stored.
-- A fix strictly inside its unit's grid for the batch (see home) is in that grid (one polygon tested, the
-- common case of a patrol within its grid); any other is looked up over the current grids as in
-- record_fixes.sql, a point on a shared edge going to the lower code.
WITH input AS (
  SELECT f.n, f.unit_id, f.at, f.lon, f.lat, f.speed, f.heading, ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326) AS pt
  FROM unnest($1::int[], $2::timestamptz[], $3::float8[], $4::float8[], $5::real[], $6::real[]) WITH ORDINALITY AS f (unit_id, at, lon, lat, speed, heading, n)
), units AS (
  -- Each unit once: an array of every fix's unit would be searched whole for each unit row.
  SELECT id, code, kind, township_code FROM patrol_unit_public WHERE id IN (SELECT DISTINCT unit_id FROM input)
), before AS (
  -- A statement does not see its own insert: each unit's latest fix before the batch, and its grid's shape.
  SELECT u.id AS unit_id, b.at, b.grid_code, g.geom
  FROM units u
  CROSS JOIN LATERAL (SELECT at, grid_code FROM patrol_fixes WHERE unit_id = u.id ORDER BY at DESC, id DESC LIMIT 1) b
  LEFT JOIN grids g ON g.code = b.grid_code AND g.valid_to IS NULL
), home AS MATERIALIZED (
  -- Each unit's grid for this batch: the grid of its first fix here, which is its grid before the batch
  -- when the fix lies strictly inside that, else looked up. One lookup a unit at most, not one a fix.
  -- Materialized, so the fixes find their unit's row by hashing: inlined, the planner joined each fix to
  -- every unit's (a province gateway's 161 units: 26,000 comparisons, twice, a fifth of the statement).
  SELECT f.unit_id, g.code AS grid_code, g.geom
  FROM (SELECT DISTINCT ON (unit_id) unit_id, pt FROM input ORDER BY unit_id, n) f
  LEFT JOIN before b ON b.unit_id = f.unit_id
  LEFT JOIN LATERAL (
    SELECT b.grid_code AS code, b.geom WHERE b.geom IS NOT NULL AND ST_Contains(b.geom, f.pt)
    UNION ALL
    (SELECT code, geom FROM grids WHERE valid_to IS NULL AND ST_Covers(geom, f.pt) ORDER BY code LIMIT 1)
    LIMIT 1
  ) g ON true
), fixes AS (
  SELECT i.n, i.unit_id, i.at, i.lon, i.lat, i.speed, i.heading, i.pt,
         CASE WHEN h.geom IS NOT NULL AND ST_Contains(h.geom, i.pt) THEN h.grid_code
              ELSE (SELECT code FROM grids WHERE valid_to IS NULL AND ST_Covers(geom, i.pt) ORDER BY code LIMIT 1) END AS grid_code
  FROM input i LEFT JOIN home h ON h.unit_id = i.unit_id WHERE i.unit_id IN (SELECT id FROM units)
), streamed AS (
  -- What the change carries: of a unit's fixes in one grid within one step's window, the last sent (hashed, not sorted).
  SELECT f.* FROM fixes f
  JOIN (SELECT unit_id, max(n) AS n FROM fixes GROUP BY unit_id, grid_code, floor(date_part('epoch', at) / $8)) kept USING (unit_id, n)
), latest AS (
  -- A late batch of old fixes leaves a unit where its latest stored fix puts it.
  SELECT DISTINCT ON (unit_id) unit_id, grid_code FROM (
    SELECT unit_id, at, 0::bigint AS n, grid_code FROM before
    UNION ALL
    SELECT unit_id, at, n, grid_code FROM streamed
  ) f
  ORDER BY unit_id, at DESC, n DESC
), ins AS (
  INSERT INTO patrol_fixes (unit_id, at, geom, speed_mps, heading, grid_code)
  SELECT unit_id, at, pt, speed, heading, grid_code FROM fixes
), visits AS (
  -- One row a grid, in code order so that batches sharing grids lock them in the same order.
  INSERT INTO grid_patrol_visits AS v (grid_code, last_at)
  SELECT grid_code, max(at) FROM fixes WHERE grid_code IS NOT NULL GROUP BY grid_code ORDER BY grid_code
  ON CONFLICT (grid_code) DO UPDATE SET last_at = greatest(v.last_at, excluded.last_at)
), trails AS (
  SELECT unit_id, json_agg(json_build_object('at', iso_utc(at), 'location', json_build_array(lon, lat),
                                             'speedMps', speed, 'heading', heading, 'gridCode', grid_code) ORDER BY n) AS fixes
  FROM streamed GROUP BY unit_id
), payload AS (
  SELECT u.id, json_build_object('unitId', u.id, 'code', u.code, 'kind', u.kind, 'townshipCode', u.township_code,
           'gridCode', l.grid_code,
           'leftGridCode', CASE WHEN b.grid_code IS DISTINCT FROM l.grid_code THEN b.grid_code END,
           'fixes', t.fixes) AS j
  FROM units u JOIN latest l ON l.unit_id = u.id JOIN trails t ON t.unit_id = u.id LEFT JOIN before b ON b.unit_id = u.id
)
-- The change is logged by the final SELECT itself (a CTE that only SELECTs runs only when read): one for
-- the batch, its units in id order; none, and no row back, when no unit was stored.
SELECT b.units FROM (SELECT count(*)::int AS units, json_agg(j ORDER BY id) AS list FROM payload) b,
  LATERAL log_change($7, 'patrols', 'gateway', 'update', json_build_object('units', b.list)::jsonb) AS logged
WHERE b.units > 0
