-- Replaces the whole table of time limits at once. Arrays: $1 holders, $2 kinds ('*' for every kind),
-- $3 hours to sign for, $4 hours to handle.
WITH gone AS (DELETE FROM time_limits)
INSERT INTO time_limits (holder, kind, sign_hours, handle_hours)
SELECT * FROM unnest($1::text[], $2::text[], $3::real[], $4::real[])
