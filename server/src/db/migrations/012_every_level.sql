-- Every level works the loop (县镇村三级, 街道吹哨、部门报到): departments as data, time limits in the
-- store, sign-for (签收/报到) and send-back (退回), routing to a lead and assisting departments, the
-- router's check (审核), the answer to the reporter (答复) and the follow-up visit (回访).

-- Where cases are routed: a township's offices (its 司法所, 派出所 …) and the city's bureaus. Added and
-- disabled by admins; a disabled one is routed nothing new.
CREATE TABLE departments (
  id            integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  name          text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 2 AND 40),
  level         text NOT NULL CHECK (level IN ('township', 'city')),
  township_code text CHECK (township_code ~ '^[0-9]{12}$'),
  enabled       boolean NOT NULL DEFAULT true,
  CHECK ((level = 'township') = (township_code IS NOT NULL))
);

-- Each holder's hours to sign for a case and to handle it; kind '*' for every kind, a kind's own row
-- overriding it. The defaults are domain/timeLimits.ts's.
CREATE TABLE time_limits (
  holder       text NOT NULL CHECK (holder IN ('grid', 'community', 'township', 'city', 'department')),
  kind         text NOT NULL DEFAULT '*' CHECK (kind IN ('*', 'family', 'neighbour', 'labour', 'property_mgmt', 'land', 'traffic',
                 'financial', 'petition', 'fire', 'building', 'gas', 'electric', 'road', 'flood')),
  sign_hours   real NOT NULL CHECK (sign_hours > 0),
  handle_hours real NOT NULL CHECK (handle_hours > 0),
  PRIMARY KEY (holder, kind)
);
INSERT INTO time_limits (holder, kind, sign_hours, handle_hours)
SELECT h.holder, '*', h.sign, h.handle
FROM (VALUES ('grid', 2, 72), ('community', 4, 120), ('township', 8, 168), ('city', 24, 360), ('department', 24, 168)) AS h (holder, sign, handle)
UNION ALL
SELECT h.holder, k.kind, 1, 48
FROM (VALUES ('grid'), ('community'), ('township'), ('city'), ('department')) AS h (holder),
     (VALUES ('fire'), ('gas'), ('electric'), ('flood')) AS k (kind);

-- signed_at: when the level holding the case signed for it (NULL: waiting to be signed for); sender:
-- the level that sent it there, to whom a send-back returns it. Cases open before this had been taken
-- in hand by their level already.
ALTER TABLE cases
  ADD COLUMN signed_at timestamptz,
  ADD COLUMN sender text CHECK (sender IN ('grid', 'community', 'township', 'city')),
  ADD COLUMN send_backs smallint NOT NULL DEFAULT 0 CHECK (send_backs >= 0),
  ADD COLUMN reopened smallint NOT NULL DEFAULT 0 CHECK (reopened >= 0),
  ADD COLUMN followed_up_at timestamptz;
UPDATE cases SET signed_at = reported_at WHERE state <> 'closed';
ALTER TABLE cases DROP CONSTRAINT cases_state_check;
ALTER TABLE cases ADD CONSTRAINT cases_state_check
  CHECK (state IN ('collected', 'verified', 'handling', 'reported_up', 'routed', 'returned', 'fed_back', 'checked', 'closed', 'reopened'));
ALTER TABLE cases DROP CONSTRAINT cases_satisfaction_check;
ALTER TABLE cases ADD CONSTRAINT cases_satisfaction_check
  CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied', 'not_visited'));
-- The desks' inboxes: open cases at a level, by time left.
CREATE INDEX cases_open_level_due_idx ON cases (level, due_at) WHERE state <> 'closed';

-- Each step keeps the clock it answered to (on time or not), and what the step says besides its note.
ALTER TABLE case_history DROP CONSTRAINT case_history_step_check;
ALTER TABLE case_history ADD CONSTRAINT case_history_step_check
  CHECK (step IN ('collect', 'sign_for', 'verify', 'handle', 'report_up', 'dispatch', 'route', 'send_back', 'supervise', 'feed_back',
                  'check', 'answer', 'close', 'follow_up', 'assign', 'regrid'));
ALTER TABLE case_history
  ADD COLUMN due_at timestamptz,
  ADD COLUMN reason text CHECK (reason IN ('wrong_grid', 'wrong_department', 'not_governance', 'other')),
  ADD COLUMN channel text CHECK (channel IN ('phone', 'sms', 'in_person', 'mini_program', 'letter')),
  ADD COLUMN assisting text[],
  ADD COLUMN to_grid text CHECK (to_grid ~ '^[0-9]{15}$'),
  ADD COLUMN accepted boolean,
  ADD COLUMN satisfaction text CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied', 'not_visited'));
ALTER TABLE case_history ADD CONSTRAINT case_history_send_back_says_why CHECK ((step = 'send_back') = (reason IS NOT NULL));
-- The desks' figures count steps in a period.
CREATE INDEX case_history_step_at_idx ON case_history (step, at);

-- The departments a case is routed to (吹哨): one lead, any assisting, each with its own sign-for clock
-- (报到). A route ends when the department sends the case back, the case is routed anew, the result is
-- accepted, or the case is closed; ended routes stay as the record.
CREATE TABLE case_routes (
  id          bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  case_id     bigint NOT NULL REFERENCES cases (id),
  department  text NOT NULL,
  lead        boolean NOT NULL,
  routed_at   timestamptz NOT NULL,
  sign_due_at timestamptz NOT NULL,
  signed_at   timestamptz,
  ended_at    timestamptz,
  ended_how   text CHECK (ended_how IN ('sent_back', 'rerouted', 'accepted', 'closed')),
  CHECK ((ended_at IS NULL) = (ended_how IS NULL))
);
CREATE INDEX case_routes_open_case_idx ON case_routes (case_id) WHERE ended_at IS NULL;
CREATE INDEX case_routes_open_department_idx ON case_routes (department) WHERE ended_at IS NULL;
CREATE INDEX case_routes_department_idx ON case_routes (department, routed_at);
-- Cases routed before this had one department, which had taken them in hand.
INSERT INTO case_routes (case_id, department, lead, routed_at, sign_due_at, signed_at)
SELECT c.id, r.department, true, r.at, r.at, r.at
FROM cases c
JOIN LATERAL (SELECT h.department, h.at FROM case_history h WHERE h.case_id = c.id AND h.step = 'route' ORDER BY h.at DESC, h.id DESC LIMIT 1) r ON true
WHERE c.state = 'routed';

-- The stream's case: who signed for it, the departments it is routed to now (their 报到), who sent it,
-- its send-backs, reopenings and follow-up. Public facts only, as before. The shape is built from a row
-- and what it refers to, without subqueries, so PostgreSQL inlines it into a query over many cases
-- (a function with subqueries runs as a call per row: 160 ms for a township's 2,000 open cases, 70 ms inlined).
-- STABLE, as to_char is (it reads settings): an IMMUTABLE function calling a STABLE one is never
-- inlined, and the call per timestamp cost the inbox's 2,000 cases a third of their time.
CREATE OR REPLACE FUNCTION iso_utc(t timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION case_json_of(c cases, grid_code text, community_code text, township_code text, department text, departments json)
RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', c.id, 'code', c.code, 'category', c.category, 'kind', c.kind, 'source', c.source,
    'location', json_build_array(round(ST_X(c.geom)::numeric, 6), round(ST_Y(c.geom)::numeric, 6)),
    'gridCode', grid_code, 'communityCode', community_code, 'townshipCode', township_code,
    'level', c.level, 'state', c.state, 'reportedAt', iso_utc(c.reported_at), 'dueAt', iso_utc(c.due_at),
    'escalations', c.escalations, 'closedAt', iso_utc(c.closed_at), 'resolved', c.resolved, 'satisfaction', c.satisfaction,
    'version', c.version, 'assignee', c.assignee, 'department', department, 'signedAt', iso_utc(c.signed_at),
    'departments', departments, 'sender', c.sender, 'sendBacks', c.send_backs, 'reopened', c.reopened,
    'followedUpAt', iso_utc(c.followed_up_at))
$$;

-- What a case refers to, found the same way for one row (case_json, e.g. of a row just inserted) and for
-- many (case_public): its grid's, community's and township's codes, the lead department of its latest
-- route step, and the departments it is routed to now, the lead first.
CREATE OR REPLACE FUNCTION case_json(c cases) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT case_json_of(c, g.code, com.code, t.code, d.department, r.departments)
  FROM grids g, regions com, regions t,
       LATERAL (SELECT (SELECT h.department FROM case_history h WHERE h.case_id = c.id AND h.step = 'route'
                        ORDER BY h.at DESC, h.id DESC LIMIT 1) AS department) d,
       LATERAL (SELECT coalesce(json_agg(json_build_object('name', x.department, 'lead', x.lead, 'signDueAt', iso_utc(x.sign_due_at),
                                                            'signedAt', iso_utc(x.signed_at)) ORDER BY x.lead DESC, x.id), '[]'::json) AS departments
                FROM case_routes x WHERE x.case_id = c.id AND x.ended_at IS NULL) r
  WHERE g.id = c.grid_id AND com.id = c.community_id AND t.id = c.township_id
$$;

CREATE OR REPLACE VIEW case_public AS
SELECT c.id, c.state, c.level, c.due_at, c.grid_id, c.community_id, c.township_id,
       case_json_of(c, g.code, com.code, t.code, d.department, r.departments) AS summary,
       c.kind, c.reported_at, c.closed_at
FROM cases c
JOIN grids g ON g.id = c.grid_id
JOIN regions com ON com.id = c.community_id
JOIN regions t ON t.id = c.township_id
LEFT JOIN LATERAL (SELECT h.department FROM case_history h WHERE h.case_id = c.id AND h.step = 'route' ORDER BY h.at DESC, h.id DESC LIMIT 1) d ON true
CROSS JOIN LATERAL (SELECT coalesce(json_agg(json_build_object('name', x.department, 'lead', x.lead, 'signDueAt', iso_utc(x.sign_due_at),
                                                                'signedAt', iso_utc(x.signed_at)) ORDER BY x.lead DESC, x.id), '[]'::json) AS departments
                    FROM case_routes x WHERE x.case_id = c.id AND x.ended_at IS NULL) r;
