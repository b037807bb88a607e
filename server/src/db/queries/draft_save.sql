-- A draft's grids replaced, and its next version. $1 draft id, $2 the FeatureCollection (JSON text), $3 now.
UPDATE grid_drafts SET features = $2::jsonb, version = version + 1, updated_at = $3 WHERE id = $1 RETURNING version
