-- A new open draft of community $1 with the grids given ($4, a FeatureCollection as JSON text). No row
-- back when the community already has an open draft (grid_drafts_open_idx). $2 created by, $3 now.
INSERT INTO grid_drafts (community_code, created_by, created_at, updated_at, features)
VALUES ($1, $2, $3, $3, $4::jsonb)
ON CONFLICT (community_code) WHERE status = 'open' DO NOTHING
RETURNING id
