-- A draft's state, locked until the write is done: a second write waits here and then reads the version
-- the first one wrote. Also the community's id, for publishing. $1 draft id.
SELECT d.id, d.community_code AS "communityCode", c.id AS "communityId", d.status, d.version
FROM grid_drafts d JOIN regions c ON c.code = d.community_code
WHERE d.id = $1
FOR UPDATE OF d
