-- Intake channels that are channels: every way a case was reported (its channel's ticket, the caller,
-- how they put the place), reports merged into one case (并案), the answers owed to each channel (回告)
-- in an outbox, photos from the grid worker's phone, and the gazetteer (地名地址库) a seat finds places in.

ALTER TABLE cases DROP CONSTRAINT cases_source_check;
ALTER TABLE cases ADD CONSTRAINT cases_source_check
  CHECK (source IN ('grid_worker', 'mini_program', 'hotline_12345', 'police_110', 'petition_office', 'walk_in'));

ALTER TABLE case_history DROP CONSTRAINT case_history_step_check;
ALTER TABLE case_history ADD CONSTRAINT case_history_step_check
  CHECK (step IN ('collect', 'sign_for', 'verify', 'handle', 'report_up', 'dispatch', 'route', 'send_back', 'supervise', 'feed_back',
                  'check', 'answer', 'close', 'follow_up', 'assign', 'regrid', 'merge'));

-- One row per report of a case: the first made it, a merged one joined it. A channel's ticket is unique
-- within the channel; an account's idempotency key names one report however often it is sent.
CREATE TABLE case_reports (
  id              bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  case_id         bigint NOT NULL REFERENCES cases (id),
  channel         text NOT NULL CHECK (channel IN ('grid_worker', 'mini_program', 'hotline_12345', 'police_110', 'petition_office', 'walk_in')),
  ticket          text CHECK (ticket ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
  reported_at     timestamptz NOT NULL,
  address         text NOT NULL DEFAULT '',
  account_id      integer REFERENCES accounts (id),
  idempotency_key text,
  UNIQUE (channel, ticket),
  UNIQUE (account_id, idempotency_key)
);
CREATE INDEX case_reports_case_idx ON case_reports (case_id, id);
-- The search box finds a ticket whatever its channel.
CREATE INDEX case_reports_ticket_idx ON case_reports (ticket) WHERE ticket IS NOT NULL;
-- Every case before this had one report, by its source, at its time.
INSERT INTO case_reports (case_id, channel, reported_at) SELECT id, source, reported_at FROM cases ORDER BY id;

-- A caller belongs to the report they made, so a merged case tells each of its callers.
ALTER TABLE case_parties ADD COLUMN report_id bigint REFERENCES case_reports (id);
CREATE INDEX case_parties_phone_idx ON case_parties (phone) WHERE phone IS NOT NULL;

-- Where each channel's answers go: an HTTP endpoint and the secret its callbacks are signed with. A
-- channel with no row (the seats, walk-ins) is answered by the answer step's record of what was said.
CREATE TABLE answer_endpoints (
  channel  text PRIMARY KEY CHECK (channel IN ('mini_program', 'hotline_12345', 'police_110', 'petition_office')),
  url      text NOT NULL CHECK (url ~ '^https?://'),
  secret   text NOT NULL CHECK (char_length(secret) >= 16),
  enabled  boolean NOT NULL DEFAULT true
);

-- The answers owed: one per report and answering step, written in the step's transaction and sent after
-- commit, retried with backoff until the receiver acknowledges it. The key is what the receiver checks
-- to take one answer once however often it arrives.
CREATE TABLE answer_outbox (
  id              bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  report_id       bigint NOT NULL REFERENCES case_reports (id),
  history_id      bigint NOT NULL REFERENCES case_history (id),
  event           text NOT NULL CHECK (event IN ('answered', 'closed')),
  idempotency_key text NOT NULL UNIQUE,
  body            jsonb NOT NULL,
  state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_at         timestamptz NOT NULL,
  last_error      text,
  delivered_at    timestamptz,
  UNIQUE (report_id, history_id)
);
CREATE INDEX answer_outbox_due_idx ON answer_outbox (next_at) WHERE state = 'pending';

-- Photos from the phone, re-encoded without their metadata; where the phone said it was taken is kept
-- as a point.
CREATE TABLE case_photos (
  id          bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  case_id     bigint NOT NULL REFERENCES cases (id),
  account_id  integer REFERENCES accounts (id),
  added_at    timestamptz NOT NULL,
  width       integer NOT NULL,
  height      integer NOT NULL,
  taken_at    geometry(Point, 4326),
  image       bytea NOT NULL,
  thumb       bytea NOT NULL
);
CREATE INDEX case_photos_case_idx ON case_photos (case_id, id);

-- The gazetteer: townships, communities, villages, named roads and landmarks, with the names people use
-- for them. Chinese has no spaces between words and PGlite no pg_trgm, so a name is matched by its
-- character pairs (bigrams), each pair a row: partial and slightly wrong names still share most pairs.
CREATE TABLE places (
  id          integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  name        text NOT NULL,
  aliases     text[] NOT NULL DEFAULT '{}',
  kind        text NOT NULL CHECK (kind IN ('township', 'community', 'village', 'road', 'landmark')),
  within      text NOT NULL,
  geom        geometry(Point, 4326) NOT NULL,
  gram_count  integer NOT NULL DEFAULT 0
);
CREATE TABLE place_grams (
  gram      text NOT NULL,
  place_id  integer NOT NULL REFERENCES places (id) ON DELETE CASCADE,
  PRIMARY KEY (gram, place_id)
);

-- A text as matched: lower case, without spaces and punctuation.
CREATE FUNCTION place_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(regexp_replace(t, '[[:space:][:punct:]·（）【】，。、]', '', 'g'))
$$;

-- The character pairs of a text (its one character when it has one).
CREATE FUNCTION place_grams_of(t text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT CASE WHEN char_length(s) = 1 THEN s ELSE substr(s, i, 2) END
  FROM (SELECT place_text(t) AS s) n, generate_series(1, GREATEST(char_length(n.s) - 1, 1)) i
  WHERE char_length(s) > 0
$$;

-- The outside systems that file through Open311 (the 12345 platform, the mini-program's backend): each a
-- service account, and the channel its requests come in by.
CREATE TABLE intake_clients (
  account_id  integer PRIMARY KEY REFERENCES accounts (id),
  channel     text NOT NULL CHECK (channel IN ('mini_program', 'hotline_12345', 'police_110', 'petition_office'))
);

-- An answer that reached its channel is a change the wall's ticker shows going out.
ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check
  CHECK (entity IN ('region', 'grid', 'camera', 'patrol', 'case', 'cover', 'answer'));
