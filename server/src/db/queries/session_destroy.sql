-- Ends one session ($1, its id's SHA-256).
DELETE FROM sessions WHERE sid_hash = $1
