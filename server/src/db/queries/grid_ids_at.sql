-- The current grid covering a point and its community and township ids, the lower code on a shared
-- edge (as grid_at.sql). $1 lon, $2 lat. Uses grids_current_geom_idx.
SELECT g.id AS "gridId", g.community_id AS "communityId", c.parent_id AS "townshipId"
FROM grids g JOIN regions c ON c.id = g.community_id
WHERE g.valid_to IS NULL AND ST_Covers(g.geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))
ORDER BY g.code
LIMIT 1
