-- A session by its id's SHA-256 ($1) unless it expired ($2 now) or its account is disabled; with the account it signs in and the
-- store's root region (whether its scope covers the whole store is decided per request).
SELECT s.data,
       a.id AS "accountId", a.login, a.display_name AS "displayName", a.role, a.scope_region AS "scopeRegion",
       a.scope_department AS "scopeDepartment", (SELECT r.code FROM regions r WHERE r.parent_id IS NULL ORDER BY r.id LIMIT 1) AS "storeRoot"
FROM sessions s LEFT JOIN accounts a ON a.id = s.account_id
WHERE s.sid_hash = $1 AND s.expires_at > $2 AND (s.account_id IS NULL OR a.enabled)
