-- The demo city's departments. Arrays: $1 names, $2 levels, $3 township codes (NULL for a city bureau).
INSERT INTO departments (name, level, township_code)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
