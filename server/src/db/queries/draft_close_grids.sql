-- Closes the current versions of community $1's grids with codes $2 at $3 (changed or removed by a
-- published draft), returning each as the stream carries it. Uses grids_current_code_idx.
UPDATE grids g SET valid_to = $3
WHERE g.community_id = $1 AND g.valid_to IS NULL AND g.code = ANY ($2::text[])
RETURNING g.code, grid_json(g) AS payload
