-- Every camera and its state, for a screen's starting state; $1 an area's code prefix (NULL: all, with the
-- cameras outside every grid).
SELECT p.summary FROM camera_public p JOIN cameras c ON c.id = p.id
WHERE $1::text IS NULL OR c.grid_code LIKE $1 || '%'
ORDER BY p.id
