-- The grids of draft $1 with codes $2 as new current versions in community $3 from $4: the next
-- version of a code the store has had (a changed grid), else version 1. Returns each as the stream
-- carries it.
WITH d AS (
  SELECT features FROM grid_drafts WHERE id = $1
)
INSERT INTO grids (code, version, name, community_id, kind, households, leaders, fulltime_workers, parttime_workers, geom, valid_from)
SELECT f.code, coalesce((SELECT max(version) FROM grids WHERE code = f.code), 0) + 1, f.name, $3, f.kind, f.households,
       f.leaders, f.fulltime_workers, f.parttime_workers, f.geom, $4
FROM d, draft_grids(d.features) f
WHERE f.code = ANY ($2::text[])
ORDER BY f.code
RETURNING code, grid_json(grids) AS payload
