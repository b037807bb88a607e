-- Open cases in scope by the level handling them, a row for every level even when it has none: how
-- many, how many past their due time, how many were moved up over a level's head (by the platform or
-- a duty leader), how many wait to be signed for (签收) there. $1 now, $2 region code: cases whose township or community it is, or grid code: cases
-- filed in any version of that grid (NULL: the whole city). Uses cases_open_due_idx, whose rows are
-- exactly the open cases.
SELECT l.level, count(c.id) AS open, count(c.id) FILTER (WHERE c.due_at < $1) AS overdue,
       count(c.id) FILTER (WHERE c.escalations > 0) AS escalated, count(c.id) FILTER (WHERE c.signed_at IS NULL) AS "waitingToSign"
FROM (VALUES ('grid'), ('community'), ('township'), ('city')) AS l (level)
LEFT JOIN cases c ON c.level = l.level AND c.state <> 'closed'
  AND ($2::text IS NULL OR (SELECT id FROM regions WHERE code = $2) IN (c.township_id, c.community_id) OR c.township_id = ANY (area_townships($2))
       OR c.grid_id IN (SELECT id FROM grids WHERE code = $2))
GROUP BY l.level
