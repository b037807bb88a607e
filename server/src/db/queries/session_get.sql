-- A session by its id's SHA-256 ($1) unless it expired ($2 now) or its account is disabled; with the account it signs in.
SELECT s.data,
       a.id AS "accountId", a.login, a.display_name AS "displayName", a.role, a.scope_region AS "scopeRegion",
       a.scope_department AS "scopeDepartment"
FROM sessions s LEFT JOIN accounts a ON a.id = s.account_id
WHERE s.sid_hash = $1 AND s.expires_at > $2 AND (s.account_id IS NULL OR a.enabled)
