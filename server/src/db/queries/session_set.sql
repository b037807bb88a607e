-- Writes a session: $1 its id's SHA-256, $2 the account it signs in (NULL while a sign-in is under way), $3 its data, $4 when it expires.
INSERT INTO sessions (sid_hash, account_id, data, expires_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (sid_hash) DO UPDATE SET account_id = EXCLUDED.account_id, data = EXCLUDED.data, expires_at = EXCLUDED.expires_at
