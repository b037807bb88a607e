-- Every region's store id with its code and level, and the id of the township above each community.
SELECT r.id, r.code, r.level, CASE WHEN r.level = 'community' THEN r.parent_id END AS "townshipId"
FROM regions r ORDER BY r.code
