-- Drops sessions that expired before $1, and failed sign-in counts whose window and lock are long over.
WITH gone AS (DELETE FROM sessions WHERE expires_at < $1 RETURNING 1)
DELETE FROM sign_in_failures WHERE first_at < $1 - interval '1 day' AND (locked_until IS NULL OR locked_until < $1)
