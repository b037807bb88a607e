-- The city: administrative regions, versioned grids, cameras, patrols, cases with their history,
-- the parties' personal data apart, and the change log every live feature reads.
-- All geometry is WGS 84 (SRID 4326), stored at 1e-6 degree precision (about 0.1 m) so that
-- neighbours share edges exactly and GeoJSON with 6 decimals is lossless.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE regions (
  id          integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{12}$'),
  name        text NOT NULL CHECK (name <> ''),
  level       text NOT NULL,
  kind        text NOT NULL,
  parent_id   integer REFERENCES regions (id),
  households  integer NOT NULL DEFAULT 0 CHECK (households >= 0),
  seat        geometry(Point, 4326),
  geom        geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  CHECK ((level, kind) IN (('city', 'city'), ('township', 'township'), ('township', 'street'),
                           ('community', 'community'), ('community', 'village'))),
  CHECK ((level = 'city') = (parent_id IS NULL))
);
CREATE INDEX regions_geom_idx ON regions USING gist (geom);
CREATE INDEX regions_parent_idx ON regions (parent_id);

-- One row per boundary version of a grid. The current version has valid_to NULL; a redraw closes
-- it and adds the next, so a case keeps pointing at the version it was filed in.
CREATE TABLE grids (
  id                bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  code              text NOT NULL CHECK (code ~ '^[0-9]{15}$'),
  version           integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  name              text NOT NULL CHECK (name <> ''),
  community_id      integer NOT NULL REFERENCES regions (id),
  kind              text NOT NULL CHECK (kind IN ('urban', 'rural')),
  households        integer NOT NULL CHECK (households >= 0),
  leaders           smallint NOT NULL DEFAULT 1 CHECK (leaders >= 0),
  fulltime_workers  smallint NOT NULL DEFAULT 0 CHECK (fulltime_workers >= 0),
  parttime_workers  smallint NOT NULL DEFAULT 0 CHECK (parttime_workers >= 0),
  geom              geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  valid_from        timestamptz NOT NULL,
  valid_to          timestamptz,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  UNIQUE (code, version)
);
CREATE UNIQUE INDEX grids_current_code_idx ON grids (code) WHERE valid_to IS NULL;
-- Point lookups and bbox reads only ever ask for current grids; queries must say valid_to IS NULL.
CREATE INDEX grids_current_geom_idx ON grids USING gist (geom) WHERE valid_to IS NULL;
CREATE INDEX grids_community_idx ON grids (community_id) WHERE valid_to IS NULL;

-- Base-map context the demo city ships: roads and the railway, drawn under everything else.
CREATE TABLE roads (
  id    integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  kind  text NOT NULL CHECK (kind IN ('expressway', 'railway', 'arterial', 'street', 'county_road', 'village_road')),
  name  text,
  geom  geometry(MultiLineString, 4326) NOT NULL
);
CREATE INDEX roads_geom_idx ON roads USING gist (geom);

-- Sharp Eyes (雪亮工程) camera points; class A groups count as one point each.
CREATE TABLE cameras (
  id                integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  code              text NOT NULL UNIQUE,
  class             text NOT NULL CHECK (class IN ('A', 'B', 'C')),
  capture           text NOT NULL CHECK (capture IN ('video', 'face', 'vehicle')),
  site              text NOT NULL CHECK (site IN ('junction', 'road', 'station', 'government', 'school',
                                                  'hospital', 'company', 'market', 'shop', 'estate')),
  bearing_deg       real NOT NULL CHECK (bearing_deg >= 0 AND bearing_deg < 360),
  fov_deg           real NOT NULL CHECK (fov_deg > 0 AND fov_deg <= 360),
  range_m           real NOT NULL CHECK (range_m > 0),
  state             text NOT NULL CHECK (state IN ('online', 'offline', 'faulty')),
  state_changed_at  timestamptz NOT NULL,
  geom              geometry(Point, 4326) NOT NULL
);
CREATE INDEX cameras_geom_idx ON cameras USING gist (geom);
CREATE INDEX cameras_not_online_idx ON cameras (state) WHERE state <> 'online';

-- A patrol unit is a call sign, never a person.
CREATE TABLE patrol_units (
  id         integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  code       text NOT NULL UNIQUE,
  kind       text NOT NULL CHECK (kind IN ('police', 'auxiliary', 'volunteer', 'grid_worker')),
  call_sign  text NOT NULL,
  region_id  integer NOT NULL REFERENCES regions (id)
);

CREATE TABLE patrol_fixes (
  id         bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  unit_id    integer NOT NULL REFERENCES patrol_units (id),
  at         timestamptz NOT NULL,
  geom       geometry(Point, 4326) NOT NULL,
  speed_mps  real CHECK (speed_mps >= 0),
  heading    real CHECK (heading >= 0 AND heading < 360)
);
CREATE INDEX patrol_fixes_unit_at_idx ON patrol_fixes (unit_id, at DESC);
CREATE INDEX patrol_fixes_at_idx ON patrol_fixes (at);
CREATE INDEX patrol_fixes_geom_idx ON patrol_fixes USING gist (geom);

-- A dispute (矛盾纠纷) or hazard (安全隐患). Grid, community and township are resolved from the
-- point when the case is filed; grid_id names the boundary version it was filed in.
CREATE TABLE cases (
  id              bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  code            text NOT NULL UNIQUE,
  category        text NOT NULL,
  kind            text NOT NULL,
  source          text NOT NULL CHECK (source IN ('grid_worker', 'mini_program', 'hotline_12345', 'police_110', 'petition_office')),
  geom            geometry(Point, 4326) NOT NULL,
  grid_id         bigint NOT NULL REFERENCES grids (id),
  community_id    integer NOT NULL REFERENCES regions (id),
  township_id     integer NOT NULL REFERENCES regions (id),
  level           text NOT NULL CHECK (level IN ('grid', 'community', 'township', 'city')),
  state           text NOT NULL CHECK (state IN ('collected', 'verified', 'handling', 'reported_up', 'routed', 'fed_back', 'closed')),
  reported_at     timestamptz NOT NULL,
  due_at          timestamptz,
  escalations     smallint NOT NULL DEFAULT 0 CHECK (escalations >= 0),
  closed_at       timestamptz,
  resolved        boolean,
  satisfaction    text CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
  -- Free text as reported: may name people, so it is never broadcast.
  description     text NOT NULL DEFAULT '',
  CHECK ((category = 'dispute' AND kind IN ('family', 'neighbour', 'labour', 'property_mgmt', 'land', 'traffic', 'financial', 'petition'))
      OR (category = 'hazard' AND kind IN ('fire', 'building', 'gas', 'electric', 'road', 'flood'))),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((state = 'closed') = (resolved IS NOT NULL)),
  CHECK (state = 'closed' OR due_at IS NOT NULL)
);
CREATE INDEX cases_geom_idx ON cases USING gist (geom);
CREATE INDEX cases_grid_idx ON cases (grid_id);
CREATE INDEX cases_township_idx ON cases (township_id);
CREATE INDEX cases_reported_at_idx ON cases (reported_at);
-- The escalation clock asks for open cases past due.
CREATE INDEX cases_open_due_idx ON cases (due_at) WHERE state <> 'closed';

-- One row per step of the loop; append-only (a trigger refuses UPDATE and DELETE).
CREATE TABLE case_history (
  id          bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  case_id     bigint NOT NULL REFERENCES cases (id),
  step        text NOT NULL CHECK (step IN ('collect', 'verify', 'handle', 'report_up', 'route', 'supervise', 'feed_back', 'close')),
  actor_role  text NOT NULL CHECK (actor_role IN ('citizen', 'grid_worker', 'community', 'township', 'city', 'department', 'duty_leader', 'platform')),
  level       text NOT NULL CHECK (level IN ('grid', 'community', 'township', 'city')),
  at          timestamptz NOT NULL,
  department  text,
  note        text NOT NULL DEFAULT ''
);
CREATE INDEX case_history_case_idx ON case_history (case_id, at, id);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER case_history_append_only BEFORE UPDATE OR DELETE ON case_history
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The parties' personal data, apart from everything that is listed or broadcast.
CREATE TABLE case_parties (
  id         bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  case_id    bigint NOT NULL REFERENCES cases (id),
  role       text NOT NULL CHECK (role IN ('applicant', 'respondent')),
  name       text NOT NULL,
  phone      text,
  id_number  text
);
CREATE INDEX case_parties_case_idx ON case_parties (case_id);

-- Who opened which case's parties, and when; append-only.
CREATE TABLE party_access_log (
  id       bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  case_id  bigint NOT NULL REFERENCES cases (id),
  actor    text NOT NULL,
  at       timestamptz NOT NULL
);
CREATE TRIGGER party_access_log_append_only BEFORE UPDATE OR DELETE ON party_access_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The outbox. seq is taken at insert, not at commit, so a reader must not trust "after seq N"
-- alone: tx lets it hold back rows of transactions still in flight (a 41 that commits after 42 was read
-- would be skipped: the outbox trap). 003_sequenced_outbox.sql replaces this with positions given after commit.
CREATE TABLE change_log (
  seq        bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  tx         xid8 NOT NULL DEFAULT pg_current_xact_id(),
  at         timestamptz NOT NULL,
  entity     text NOT NULL CHECK (entity IN ('region', 'grid', 'camera', 'patrol', 'case')),
  entity_id  text NOT NULL,
  op         text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  -- What a screen needs to apply the change; public fields only, never personal data.
  payload    jsonb
);
CREATE INDEX change_log_entity_idx ON change_log (entity, entity_id);
