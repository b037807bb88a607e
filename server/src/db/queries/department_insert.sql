-- A new department; nothing back when one of that name exists. $1 name, $2 level, $3 township code.
INSERT INTO departments (name, level, township_code) VALUES ($1, $2, $3)
ON CONFLICT (name) DO NOTHING
RETURNING name, level, township_code AS "townshipCode", enabled
