-- A new open draft of a community holding its current grids, each with its own code as its source. No
-- row back when the community already has an open draft (grid_drafts_open_idx). $1 community code,
-- $2 created by, $3 now. Uses grids_community_idx.
INSERT INTO grid_drafts (community_code, created_by, created_at, updated_at, features)
SELECT c.code, $2, $3, $3, jsonb_build_object('type', 'FeatureCollection', 'features', coalesce((
  SELECT jsonb_agg(jsonb_build_object(
    'type', 'Feature',
    'geometry', ST_AsGeoJSON(g.geom, 6)::jsonb,
    'properties', jsonb_build_object(
      'code', g.code, 'name', g.name, 'kind', g.kind, 'households', g.households, 'leaders', g.leaders,
      'fulltimeWorkers', g.fulltime_workers, 'parttimeWorkers', g.parttime_workers, 'sourceCode', g.code)
  ) ORDER BY g.code)
  FROM grids g WHERE g.community_id = c.id AND g.valid_to IS NULL), '[]'::jsonb))
FROM regions c
WHERE c.code = $1 AND c.level = 'community'
ON CONFLICT (community_code) WHERE status = 'open' DO NOTHING
RETURNING id
