-- Every department, city bureaus first, then each township's offices.
SELECT name, level, township_code AS "townshipCode", enabled FROM departments ORDER BY level DESC, township_code NULLS FIRST, name
