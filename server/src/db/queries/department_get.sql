-- Departments by name, as a route names them. $1 names.
SELECT name, level, township_code AS "townshipCode", enabled FROM departments WHERE name = ANY($1::text[])
