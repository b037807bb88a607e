-- The command centre's duty roster (值班表): who leads each shift and the desk phone they answer on. Staff data:
-- shown on the wall and read by city-wide accounts (GET /api/v1/duty), never put on the live stream. A shift is
-- [starts_at, ends_at); duty_shifts_at_idx finds the one running at a time.
CREATE TABLE duty_shifts (
  id         bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  account_id integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name       text NOT NULL CHECK (name <> ''),
  desk_phone text NOT NULL CHECK (desk_phone ~ '^[0-9][0-9-]{5,19}$'),
  starts_at  timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX duty_shifts_at_idx ON duty_shifts (starts_at DESC, ends_at);
