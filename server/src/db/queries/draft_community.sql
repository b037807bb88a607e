-- A community or village by code, for a new draft. $1 code.
SELECT code, name, kind FROM regions WHERE code = $1 AND level = 'community'
