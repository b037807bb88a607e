-- $1 region code; root: the store's top region (the demo's city, a province seed's province).
SELECT code, name, level, kind, parent_id IS NULL AS root FROM regions WHERE code = $1
