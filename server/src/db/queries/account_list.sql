-- Every account ($1 NULL) or one ($1 its login), with its keys (never their hashes), by login.
SELECT json_build_object(
  'login', a.login, 'displayName', a.display_name, 'role', a.role,
  'scope', CASE WHEN a.scope_region IS NOT NULL THEN json_build_object('region', a.scope_region)
                ELSE json_build_object('department', a.scope_department) END,
  'enabled', a.enabled, 'createdAt', iso_utc(a.created_at), 'lastSignInAt', iso_utc(a.last_sign_in_at),
  'keys', COALESCE((SELECT json_agg(json_build_object('id', k.id, 'prefix', k.prefix, 'label', k.label,
                      'createdAt', iso_utc(k.created_at), 'revokedAt', iso_utc(k.revoked_at)) ORDER BY k.id)
                    FROM api_keys k WHERE k.account_id = a.id), '[]'::json)) AS account
FROM accounts a
WHERE $1::text IS NULL OR a.login = $1
ORDER BY a.login
