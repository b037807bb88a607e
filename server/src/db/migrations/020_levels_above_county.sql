-- Levels above the county-level city: province → prefecture (市/州) → county (县/县级市/区) → township →
-- community, named by the national hierarchy. The demo city (安达市) is a county-level city: its level is
-- `county`, its kind `city`. A tree may start at any level (the demo at the county, a province seed at the
-- province); a region lies one level below its parent and its code begins with its parent's significant
-- digits, so "what lies in an area" is "what its code's prefix begins" at every level.
-- The loop's levels (cases, departments, holders) keep `city` for the county-level centre (县镇村三级).

ALTER TABLE regions DROP CONSTRAINT regions_check;
ALTER TABLE regions DROP CONSTRAINT regions_check1;
UPDATE regions SET level = 'county' WHERE level = 'city';
ALTER TABLE regions ADD CONSTRAINT regions_level_kind_check CHECK ((level, kind) IN (
  ('province', 'province'), ('prefecture', 'city'), ('prefecture', 'prefecture'),
  ('county', 'county'), ('county', 'city'), ('county', 'district'),
  ('township', 'township'), ('township', 'street'), ('community', 'community'), ('community', 'village')));

-- 1 for a province down to 5 for a community.
CREATE FUNCTION region_rank(level text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array_position(ARRAY['province', 'prefecture', 'county', 'township', 'community'], level)
$$;

-- A division code's significant digits, as domain/access.ts codePrefix: `520000000000` → `52`,
-- `520100000000` → `5201`, `231281001000` → `231281001`; a community's 12 and a grid's 15 are their own.
CREATE FUNCTION region_prefix(code text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN length(code) = 15 THEN code
    WHEN substr(code, 3) ~ '^0*$' THEN left(code, 2)
    WHEN substr(code, 5) ~ '^0*$' THEN left(code, 4)
    WHEN substr(code, 7) ~ '^0*$' THEN left(code, 6)
    WHEN substr(code, 10) ~ '^0*$' THEN left(code, 9)
    ELSE code
  END
$$;

CREATE FUNCTION regions_nest() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.parent_id IS NOT NULL AND NOT EXISTS (
    SELECT FROM regions p
    WHERE p.id = NEW.parent_id AND region_rank(p.level) = region_rank(NEW.level) - 1 AND starts_with(NEW.code, region_prefix(p.code))
  ) THEN
    RAISE EXCEPTION 'region % (%) must lie one level below its parent and begin with its code', NEW.code, NEW.level
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER regions_nest BEFORE INSERT OR UPDATE OF parent_id, level, code ON regions
  FOR EACH ROW EXECUTE FUNCTION regions_nest();

-- The townships of an area, by its code's prefix: a province's, a prefecture's or a county's all of theirs, a
-- township's itself, a community's or grid's none (their cases are found by their own ids). The figures and
-- KPIs read an area above the township through these.
CREATE FUNCTION area_townships(area text) RETURNS integer[]
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(r.id), '{}') FROM regions r WHERE r.level = 'township' AND r.code LIKE region_prefix(area) || '%'
$$;

-- case_figures() and mediation_figures() (migration 014) of an area at any level: as before, and the cases
-- of its townships for an area above the township.
CREATE OR REPLACE FUNCTION case_figures(p_from timestamptz, p_to timestamptz, p_now timestamptz, p_area text)
RETURNS TABLE (
  case_id bigint, category text, kind text, channel text, level text, township_id integer, community_id integer, grid_code text,
  reported_at timestamptz, closed_at timestamptz, received integer, disputes integer, closed integer, resolved integer, closed_in integer, on_time integer, resolved_in integer,
  resolved_at_grid integer, rated integer, satisfied integer, ran_over integer, send_backs integer, reopened integer
) LANGUAGE sql STABLE AS $$
  WITH area AS MATERIALIZED (
    SELECT (SELECT r.id FROM regions r WHERE r.code = p_area) AS region_id, ARRAY(SELECT g.id FROM grids g WHERE g.code = p_area) AS grid_ids,
           area_townships(p_area) AS townships
  ), counted AS MATERIALIZED (
    SELECT h.case_id,
           count(*) FILTER (WHERE h.step = 'send_back')::integer AS send_backs,
           count(*) FILTER (WHERE h.step = 'follow_up' AND h.satisfaction = 'unsatisfied')::integer AS reopened,
           bool_or((h.step = 'supervise' AND h.actor_role = 'platform') OR h.at > h.due_at) AS ran_over
    FROM case_history h
    WHERE h.at >= p_from AND h.at < p_to
      AND (h.step IN ('send_back', 'follow_up') OR (h.step = 'supervise' AND h.actor_role = 'platform') OR h.at > h.due_at)
    GROUP BY h.case_id
  ), touched AS (
    -- Each case once, read by the index that finds it (a join of ids back to cases would read every case):
    -- reported in the period; else closed in it; else with a counted step in it.
    SELECT c.* FROM cases c WHERE c.reported_at >= p_from AND c.reported_at < p_to
    UNION ALL
    SELECT c.* FROM cases c
    WHERE c.closed_at >= p_from AND c.closed_at < p_to AND c.closed_at IS NOT NULL AND NOT (c.reported_at >= p_from AND c.reported_at < p_to)
    UNION ALL
    -- A case by its id for each counted one (OFFSET 0 keeps the lookup per row): the planner cannot tell how
    -- few the counted steps are, and would read every case to join them.
    SELECT c.* FROM counted s CROSS JOIN LATERAL (SELECT * FROM cases x WHERE x.id = s.case_id OFFSET 0) c
    WHERE NOT (c.reported_at >= p_from AND c.reported_at < p_to) AND NOT coalesce(c.closed_at >= p_from AND c.closed_at < p_to, false)
  ), flags AS (
    SELECT c.*, g.code AS grid_code_of,
           (c.reported_at >= p_from AND c.reported_at < p_to) AS is_received,
           (c.closed_at >= p_from AND c.closed_at < p_to) AS is_closed_in,
           s.send_backs AS step_send_backs, s.reopened AS step_reopened, s.ran_over AS step_ran_over
    FROM touched c
    JOIN grids g ON g.id = c.grid_id
    LEFT JOIN counted s ON s.case_id = c.id
    CROSS JOIN area
    WHERE p_area IS NULL OR area.region_id IN (c.township_id, c.community_id) OR c.grid_id = ANY (area.grid_ids) OR c.township_id = ANY (area.townships)
  )
  SELECT f.id, f.category, f.kind, f.source, f.level, f.township_id, f.community_id, f.grid_code_of, f.reported_at, f.closed_at,
         f.is_received::integer,
         (f.is_received AND f.category = 'dispute')::integer,
         (f.is_received AND f.closed_at < p_to)::integer,
         (f.is_received AND f.category = 'dispute' AND f.closed_at < p_to AND f.resolved)::integer,
         coalesce(f.is_closed_in, false)::integer,
         (coalesce(f.is_closed_in, false) AND NOT EXISTS (
            SELECT FROM case_history h
            WHERE h.case_id = f.id AND ((h.step = 'supervise' AND h.actor_role = 'platform') OR h.at > h.due_at)))::integer,
         (coalesce(f.is_closed_in, false) AND f.resolved)::integer,
         (coalesce(f.is_closed_in, false) AND f.resolved AND f.level = 'grid')::integer,
         (coalesce(f.is_closed_in, false) AND f.satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied'))::integer,
         (coalesce(f.is_closed_in, false) AND f.satisfaction IN ('satisfied', 'basically_satisfied'))::integer,
         coalesce(f.step_ran_over, false)::integer,
         coalesce(f.step_send_backs, 0),
         coalesce(f.step_reopened, 0)
  FROM flags f
$$;

CREATE OR REPLACE FUNCTION mediation_figures(p_from timestamptz, p_to timestamptz, p_area text)
RETURNS TABLE (mediation_id bigint, case_id bigint, body_id integer, kind text, referred integer, concluded integer, agreements integer,
               confirmed integer, amount_yuan numeric)
LANGUAGE sql STABLE AS $$
  WITH area AS MATERIALIZED (
    SELECT (SELECT r.id FROM regions r WHERE r.code = p_area) AS region_id, ARRAY(SELECT g.id FROM grids g WHERE g.code = p_area) AS grid_ids,
           area_townships(p_area) AS townships
  ), touched AS (
    SELECT m.id FROM case_mediations m WHERE m.referred_at >= p_from AND m.referred_at < p_to
    UNION
    SELECT m.id FROM case_mediations m WHERE m.ended_at >= p_from AND m.ended_at < p_to AND m.ended_at IS NOT NULL
    UNION
    SELECT m.id FROM case_mediations m WHERE m.confirmed_at >= p_from AND m.confirmed_at < p_to AND m.confirmed_at IS NOT NULL
  )
  SELECT m.id, m.case_id, m.body_id, m.kind,
         (m.referred_at >= p_from AND m.referred_at < p_to)::integer,
         (m.referred_at >= p_from AND m.referred_at < p_to AND m.ended_at < p_to)::integer,
         (m.referred_at >= p_from AND m.referred_at < p_to AND m.ended_at < p_to AND m.outcome = 'agreement')::integer,
         coalesce(m.confirmed_at >= p_from AND m.confirmed_at < p_to, false)::integer,
         CASE WHEN m.outcome = 'agreement' AND m.ended_at >= p_from AND m.ended_at < p_to THEN coalesce(m.amount_yuan, 0) ELSE 0 END
  FROM touched t
  JOIN case_mediations m ON m.id = t.id
  JOIN cases c ON c.id = m.case_id
  CROSS JOIN area
  WHERE p_area IS NULL OR area.region_id IN (c.township_id, c.community_id) OR c.grid_id = ANY (area.grid_ids) OR c.township_id = ANY (area.townships)
$$;

-- Grids and regions found by a code prefix (an area's grids at any level) without a scan.
CREATE INDEX grids_code_prefix_idx ON grids (code text_pattern_ops) WHERE valid_to IS NULL;
CREATE INDEX regions_code_prefix_idx ON regions (code text_pattern_ops);

-- Regions in tiles: a level from the zoom at which its areas are a few pixels across (provinces and
-- prefectures from 0, counties from 6, townships from 9, communities from 11). No longer STRICT, so the
-- planner inlines it into the tile's query: called as a function it was planned alone, and at 134,500
-- grids as a parallel scan that took 150–500 ms a tile on two cores (the route never passes a NULL).
DROP FUNCTION tile_features(text, integer, integer, integer);
CREATE FUNCTION tile_features(layer text, z integer, x integer, y integer)
RETURNS TABLE (geom geometry, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT ST_Transform(g.geom, 3857),
         jsonb_build_object('code', g.code, 'name', g.name, 'kind', g.kind, 'community', c.code, 'township', t.code)
  FROM grids g
  JOIN regions c ON c.id = g.community_id
  JOIN regions t ON t.id = c.parent_id
  WHERE layer = 'grids' AND g.valid_to IS NULL AND ST_Intersects(g.geom, tile_bounds(z, x, y))
  UNION ALL
  SELECT ST_Transform(r.geom, 3857),
         jsonb_build_object('code', r.code, 'name', r.name, 'level', r.level, 'kind', r.kind) || coalesce(jsonb_build_object('parent', p.code), '{}')
  FROM regions r
  LEFT JOIN regions p ON p.id = r.parent_id
  WHERE layer = 'regions' AND ST_Intersects(r.geom, tile_bounds(z, x, y))
    AND z >= CASE r.level WHEN 'community' THEN 11 WHEN 'township' THEN 9 WHEN 'county' THEN 6 ELSE 0 END
  UNION ALL
  SELECT ST_Transform(c.geom, 3857), jsonb_build_object('code', c.code, 'class', c.class, 'state', c.state)
  FROM cameras c
  WHERE layer = 'cameras' AND ST_Intersects(c.geom, tile_bounds(z, x, y))
$$;
