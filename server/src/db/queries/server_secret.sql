-- The secret named $1, made from $2 by the first process that asks: every process and restart shares it.
WITH made AS (INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING value)
SELECT value FROM made UNION ALL SELECT value FROM server_secrets WHERE name = $1
