-- Each region's households are the sum of the current grids under it.
WITH community AS (
  SELECT community_id AS id, sum(households) AS h FROM grids WHERE valid_to IS NULL GROUP BY community_id
), township AS (
  SELECT r.parent_id AS id, sum(c.h) AS h FROM community c JOIN regions r ON r.id = c.id GROUP BY r.parent_id
), city AS (
  SELECT r.parent_id AS id, sum(t.h) AS h FROM township t JOIN regions r ON r.id = t.id GROUP BY r.parent_id
)
UPDATE regions SET households = u.h
FROM (SELECT * FROM community UNION ALL SELECT * FROM township UNION ALL SELECT * FROM city) u
WHERE regions.id = u.id
