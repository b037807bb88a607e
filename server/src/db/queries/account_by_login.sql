-- An account by its login name ($1), with its password hash, for a sign-in.
SELECT id, login, display_name AS "displayName", role, scope_region AS "scopeRegion", scope_department AS "scopeDepartment",
       password_hash AS "passwordHash", enabled
FROM accounts WHERE login = $1
