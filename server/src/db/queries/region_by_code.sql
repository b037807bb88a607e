-- $1 region code.
SELECT code, name, level, kind FROM regions WHERE code = $1
