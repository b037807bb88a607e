-- Changes an account ($1 login): $2 enabled, $3 display name, $4 password hash (each NULL to keep it).
UPDATE accounts SET enabled = COALESCE($2, enabled), display_name = COALESCE($3, display_name), password_hash = COALESCE($4, password_hash)
WHERE login = $1
RETURNING id
