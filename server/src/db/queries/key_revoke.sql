-- Revokes the key $2 of the account with login $1 at $3 (a revoked key stays revoked).
UPDATE api_keys k SET revoked_at = COALESCE(k.revoked_at, $3)
FROM accounts a
WHERE a.id = k.account_id AND a.login = $1 AND k.id = $2
RETURNING k.id
