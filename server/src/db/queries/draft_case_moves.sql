-- The open cases of draft $1's community that publishing would move: the draft grid that would cover a
-- case's point has another code than its grid now. The same rule as publishing (draft_move_cases.sql):
-- the lowest code covering the point, else the nearest grid (a point in a sliver under the tolerance).
-- Invalid grids cover nothing here, as they could not be published.
WITH d AS (
  SELECT community_code, features FROM grid_drafts WHERE id = $1
), f AS (
  SELECT g.code, g.geom FROM d, draft_grids(d.features) g WHERE ST_IsValid(g.geom)
), open_case AS (
  SELECT c.id, c.code, c.geom, g.code AS from_code
  FROM d JOIN regions com ON com.code = d.community_code
  JOIN cases c ON c.community_id = com.id AND c.state <> 'closed'
  JOIN grids g ON g.id = c.grid_id
), target AS (
  SELECT o.*, coalesce(
    (SELECT f.code FROM f WHERE ST_Covers(f.geom, o.geom) ORDER BY f.code LIMIT 1),
    (SELECT f.code FROM f ORDER BY ST_Distance(f.geom, o.geom), f.code LIMIT 1)) AS to_code
  FROM open_case o
)
SELECT id AS "caseId", code AS "caseCode", from_code AS "from", to_code AS "to"
FROM target WHERE to_code <> from_code
ORDER BY id
