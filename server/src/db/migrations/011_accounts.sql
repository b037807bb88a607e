-- Accounts, their sessions and API keys, failed sign-ins by login name, and the audit log.

CREATE TABLE accounts (
  id               integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  login            text NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name     text NOT NULL CHECK (display_name <> ''),
  role             text NOT NULL CHECK (role IN ('operator', 'grid_worker', 'community_officer', 'township_officer',
                     'department_officer', 'duty_leader', 'analyst', 'admin', 'wall_display', 'service')),
  -- A region or grid code (any level: the province issue adds levels above the city), or a department.
  scope_region     text CHECK (scope_region ~ '^([0-9]{12}|[0-9]{15})$'),
  scope_department text,
  -- scrypt, as passwords.ts writes it; NULL for accounts that sign in with keys only.
  password_hash    text,
  enabled          boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at  timestamptz,
  CHECK ((scope_region IS NULL) <> (scope_department IS NULL))
);

-- express-session's sessions. `sid_hash` is the SHA-256 of the cookie's session id, so a copy of this
-- table signs nobody in. `account_id` is NULL while a sign-in is under way (OpenID Connect's state).
CREATE TABLE sessions (
  sid_hash   text PRIMARY KEY,
  account_id integer REFERENCES accounts (id) ON DELETE CASCADE,
  data       jsonb NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account_idx ON sessions (account_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- API keys, shown once: `hash` is the SHA-256 of the whole key (a key is 256 random bits, so no slow
-- hash is needed), `prefix` its first characters, for people to tell keys apart.
CREATE TABLE api_keys (
  id         bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  account_id integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  prefix     text NOT NULL,
  hash       text NOT NULL UNIQUE,
  label      text NOT NULL CHECK (label <> ''),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX api_keys_account_idx ON api_keys (account_id);

-- Failed sign-ins by the login name typed, whether or not an account has it.
CREATE TABLE sign_in_failures (
  login        text PRIMARY KEY,
  failures     integer NOT NULL CHECK (failures > 0),
  first_at     timestamptz NOT NULL,
  locked_until timestamptz
);

-- Every write, sign-in, sign-out and failure: who (the account, or NULL with what was typed as subject),
-- from where, what, and how it ended.
CREATE TABLE audit_log (
  id         bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  at         timestamptz NOT NULL,
  account_id integer REFERENCES accounts (id) ON DELETE SET NULL,
  actor      text,
  role       text,
  address    text NOT NULL,
  action     text NOT NULL,
  subject    text,
  status     integer NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at DESC);

-- Settings the server makes once and every process shares: the session cookies' signing secret.
CREATE TABLE server_secrets (
  name  text PRIMARY KEY,
  value text NOT NULL
);

-- A case's department: the one its latest route step named, so a department's desk reaches it and its
-- room hears of it (case_history_case_idx finds the case's steps).
CREATE OR REPLACE FUNCTION case_json(c cases) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', c.id, 'code', c.code, 'category', c.category, 'kind', c.kind, 'source', c.source,
    'location', json_build_array(round(ST_X(c.geom)::numeric, 6), round(ST_Y(c.geom)::numeric, 6)),
    'gridCode', (SELECT code FROM grids WHERE id = c.grid_id),
    'communityCode', (SELECT code FROM regions WHERE id = c.community_id),
    'townshipCode', (SELECT code FROM regions WHERE id = c.township_id),
    'level', c.level, 'state', c.state, 'reportedAt', iso_utc(c.reported_at), 'dueAt', iso_utc(c.due_at),
    'escalations', c.escalations, 'closedAt', iso_utc(c.closed_at), 'resolved', c.resolved, 'satisfaction', c.satisfaction,
    'version', c.version, 'assignee', c.assignee,
    'department', (SELECT h.department FROM case_history h WHERE h.case_id = c.id AND h.step = 'route' ORDER BY h.at DESC, h.id DESC LIMIT 1))
$$;
