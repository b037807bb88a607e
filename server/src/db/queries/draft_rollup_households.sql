-- Community $1 and the township and city above it: households are the sum of the current grids under
-- each (as the demo city is built), after a publish changed the community's grids.
WITH RECURSIVE up AS (
  SELECT id, parent_id FROM regions WHERE id = $1
  UNION ALL
  SELECT r.id, r.parent_id FROM regions r JOIN up ON r.id = up.parent_id
), under AS (
  SELECT g.households, c.id AS community, t.id AS township, t.parent_id AS city
  FROM grids g JOIN regions c ON c.id = g.community_id JOIN regions t ON t.id = c.parent_id
  WHERE g.valid_to IS NULL
)
UPDATE regions r SET households = (SELECT coalesce(sum(households), 0) FROM under WHERE r.id IN (under.community, under.township, under.city))
FROM up
WHERE r.id = up.id
RETURNING r.id
