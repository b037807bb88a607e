-- A case's facts after a step, an escalation or an assignment, and its next version. $1 id, $2 level,
-- $3 state, $4 due at, $5 escalations, $6 closed at, $7 resolved, $8 satisfaction, $9 the post it is
-- assigned to (NULL: it keeps the one it has), $10 signed at, $11 sender, $12 send-backs, $13 reopened,
-- $14 followed up at, $15 the grid it is dispatched to (NULL: it stays in its grid; a grid of another
-- community or township moves it there too, and its assignment, a post of the old grid, is dropped).
WITH target AS (
  SELECT g.id AS grid_id, g.community_id, com.parent_id AS township_id
  FROM grids g JOIN regions com ON com.id = g.community_id
  WHERE g.code = $15 AND g.valid_to IS NULL
)
UPDATE cases SET level = $2, state = $3, due_at = $4, escalations = $5, closed_at = $6, resolved = $7, satisfaction = $8,
                 assignee = CASE WHEN $15::text IS NOT NULL THEN NULL ELSE coalesce($9, assignee) END, version = version + 1,
                 signed_at = $10, sender = $11, send_backs = $12, reopened = $13, followed_up_at = $14,
                 grid_id = coalesce((SELECT grid_id FROM target), grid_id),
                 community_id = coalesce((SELECT community_id FROM target), community_id),
                 township_id = coalesce((SELECT township_id FROM target), township_id)
WHERE id = $1
