-- A new account: $1 login, $2 display name, $3 role, $4 region or grid code, $5 department, $6 password hash.
INSERT INTO accounts (login, display_name, role, scope_region, scope_department, password_hash)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (login) DO NOTHING
RETURNING id
