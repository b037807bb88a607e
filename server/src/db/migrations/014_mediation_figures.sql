-- Mediation as data (人民调解委员会, 专业调委会, 四元调解) and the figures a centre is judged on, for any
-- period and area, from one definition: case_figures() and mediation_figures() say per case and per
-- mediation what each figure counts; every screen, ranking and export sums their columns.

-- The bodies disputes are referred to: the people's mediation committee of a community or village or of a
-- township, or a specialised committee for one field, serving a region (the city's: every township).
CREATE TABLE mediation_bodies (
  id             integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  name           text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 2 AND 60),
  kind           text NOT NULL CHECK (kind IN ('community', 'township', 'specialised')),
  field          text CHECK (field IN ('labour', 'family', 'traffic', 'property', 'medical', 'financial', 'land')),
  region_id      integer NOT NULL REFERENCES regions (id),
  geom           geometry(Point, 4326) NOT NULL,
  dispute_kinds  text[] NOT NULL CHECK (cardinality(dispute_kinds) > 0
                   AND dispute_kinds <@ ARRAY['family', 'neighbour', 'labour', 'property_mgmt', 'land', 'traffic', 'financial', 'petition']),
  CHECK ((kind = 'specialised') = (field IS NOT NULL))
);
CREATE INDEX mediation_bodies_region_idx ON mediation_bodies (region_id);

-- A dispute's mediation: one open at a time per case, ended with an outcome; an agreement may settle an
-- amount and be confirmed by a court (司法确认) after it ended. The agreement's terms are not kept here:
-- they name the parties and stay with them.
CREATE TABLE case_mediations (
  id            bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  case_id       bigint NOT NULL REFERENCES cases (id),
  body_id       integer NOT NULL REFERENCES mediation_bodies (id),
  kind          text NOT NULL CHECK (kind IN ('people', 'industry', 'administrative', 'judicial')),
  mode          text NOT NULL CHECK (mode IN ('on_site', 'entrusted', 'online')),
  referred_at   timestamptz NOT NULL,
  sessions      smallint NOT NULL DEFAULT 0 CHECK (sessions BETWEEN 0 AND 99),
  outcome       text CHECK (outcome IN ('agreement', 'no_agreement')),
  ended_at      timestamptz,
  amount_yuan   numeric(14, 2) CHECK (amount_yuan >= 0),
  confirmed_at  timestamptz,
  CHECK ((outcome IS NULL) = (ended_at IS NULL)),
  CHECK (outcome IS NULL OR sessions >= 1),
  CHECK (amount_yuan IS NULL OR outcome = 'agreement'),
  CHECK (confirmed_at IS NULL OR (outcome = 'agreement' AND confirmed_at >= ended_at)),
  CHECK (ended_at IS NULL OR ended_at >= referred_at)
);
CREATE UNIQUE INDEX case_mediations_one_open_idx ON case_mediations (case_id) WHERE outcome IS NULL;
CREATE INDEX case_mediations_case_idx ON case_mediations (case_id, id);
CREATE INDEX case_mediations_body_idx ON case_mediations (body_id);
CREATE INDEX case_mediations_referred_idx ON case_mediations (referred_at);
CREATE INDEX case_mediations_ended_idx ON case_mediations (ended_at) WHERE ended_at IS NOT NULL;
CREATE INDEX case_mediations_confirmed_idx ON case_mediations (confirmed_at) WHERE confirmed_at IS NOT NULL;

-- The history says when a dispute was referred (移交调解), what came of it (调解结果) and when a court
-- confirmed the agreement (司法确认): steps beside the loop.
ALTER TABLE case_history DROP CONSTRAINT case_history_step_check;
ALTER TABLE case_history ADD CONSTRAINT case_history_step_check
  CHECK (step IN ('collect', 'sign_for', 'verify', 'handle', 'report_up', 'dispatch', 'route', 'send_back', 'supervise', 'feed_back',
                  'check', 'answer', 'close', 'follow_up', 'assign', 'regrid', 'merge', 'mediate', 'mediation_result', 'judicial_confirmation'));

-- A period's figures find its cases by when they were reported (cases_reported_at_idx), closed, or ran
-- over, were sent back or reopened: the steps a period counts are few, so they have an index of their own.
CREATE INDEX cases_closed_at_idx ON cases (closed_at) WHERE closed_at IS NOT NULL;
-- Whether a case closed in the period ever ran over a limit: a probe per case into the few steps that did.
CREATE INDEX case_history_overrun_case_idx ON case_history (case_id)
  WHERE (step = 'supervise' AND actor_role = 'platform') OR at > due_at;
-- It carries what the figures read of them, so a period's are read from the index alone.
CREATE INDEX case_history_counted_idx ON case_history (at) INCLUDE (case_id, step, actor_role, satisfaction, due_at)
  WHERE step IN ('send_back', 'follow_up') OR (step = 'supervise' AND actor_role = 'platform') OR at > due_at;
-- The departments each case was routed to, read per case of a period from this index alone.
CREATE INDEX case_history_route_idx ON case_history (case_id) INCLUDE (department) WHERE step = 'route';

-- Per case touched by the period [p_from, p_to) (reported, closed, or a counted step in it), seen at
-- p_now, of the area p_area (NULL: the city; a township's or community's 12-digit code: its cases; a
-- grid's 15-digit code: the cases filed in any version of it): 1 where a figure counts the case, else 0
-- (send_backs and reopened count steps). The README's "The figures" says the same in words.
-- A case ran over a time limit when the platform moved it up (its clock ran out: the step is taken at the
-- due time it answered to) or a step was taken after the due time it answered to.
CREATE FUNCTION case_figures(p_from timestamptz, p_to timestamptz, p_now timestamptz, p_area text)
RETURNS TABLE (
  case_id bigint, category text, kind text, channel text, level text, township_id integer, community_id integer, grid_code text,
  reported_at timestamptz, closed_at timestamptz, received integer, disputes integer, closed integer, resolved integer, closed_in integer, on_time integer, resolved_in integer,
  resolved_at_grid integer, rated integer, satisfied integer, ran_over integer, send_backs integer, reopened integer
) LANGUAGE sql STABLE AS $$
  WITH area AS MATERIALIZED (
    SELECT (SELECT r.id FROM regions r WHERE r.code = p_area) AS region_id, ARRAY(SELECT g.id FROM grids g WHERE g.code = p_area) AS grid_ids
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
    WHERE p_area IS NULL OR area.region_id IN (c.township_id, c.community_id) OR c.grid_id = ANY (area.grid_ids)
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

-- Per mediation of the area's cases touched by the period (referred, ended or confirmed in it): 1 where a
-- mediation figure counts it, and the amount an agreement concluded in the period settles.
CREATE FUNCTION mediation_figures(p_from timestamptz, p_to timestamptz, p_area text)
RETURNS TABLE (mediation_id bigint, case_id bigint, body_id integer, kind text, referred integer, concluded integer, agreements integer,
               confirmed integer, amount_yuan numeric)
LANGUAGE sql STABLE AS $$
  WITH area AS MATERIALIZED (
    SELECT (SELECT r.id FROM regions r WHERE r.code = p_area) AS region_id, ARRAY(SELECT g.id FROM grids g WHERE g.code = p_area) AS grid_ids
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
  WHERE p_area IS NULL OR area.region_id IN (c.township_id, c.community_id) OR c.grid_id = ANY (area.grid_ids)
$$;
