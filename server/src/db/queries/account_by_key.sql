-- The enabled account an unrevoked API key ($1, the key's SHA-256) belongs to, and the key's id.
SELECT a.id, a.login, a.display_name AS "displayName", a.role, a.scope_region AS "scopeRegion", a.scope_department AS "scopeDepartment",
       k.id AS "keyId", (SELECT r.code FROM regions r WHERE r.parent_id IS NULL ORDER BY r.id LIMIT 1) AS "storeRoot"
FROM api_keys k JOIN accounts a ON a.id = k.account_id
WHERE k.hash = $1 AND k.revoked_at IS NULL AND a.enabled
