-- Moves a session's ($1) expiry to $2: it was used.
UPDATE sessions SET expires_at = $2 WHERE sid_hash = $1
