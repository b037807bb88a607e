-- Enables or disables a department. $1 name, $2 enabled.
UPDATE departments SET enabled = $2 WHERE name = $1
RETURNING name, level, township_code AS "townshipCode", enabled
