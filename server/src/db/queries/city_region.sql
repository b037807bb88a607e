-- The city every region lies in: the root of the region tree.
SELECT code, name, level FROM regions WHERE parent_id IS NULL ORDER BY id LIMIT 1
