-- Every current grid with its community, township and shape, for placing cases and patrol fixes in it.
SELECT g.id, g.code, g.community_id AS "communityId", c.parent_id AS "townshipId", g.households, g.kind,
       ST_AsGeoJSON(g.geom, 6)::json AS geometry
FROM grids g JOIN regions c ON c.id = g.community_id
WHERE g.valid_to IS NULL
ORDER BY g.id
