-- An account by its login name ($1), with its password hash, for a sign-in.
SELECT id, login, display_name AS "displayName", role, scope_region AS "scopeRegion", scope_department AS "scopeDepartment",
       password_hash AS "passwordHash", enabled, (SELECT r.code FROM regions r WHERE r.parent_id IS NULL ORDER BY r.id LIMIT 1) AS "storeRoot"
FROM accounts WHERE login = $1
