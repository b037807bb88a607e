-- A case's facts after a step, an escalation or an assignment, and its next version. $1 id, $2 level,
-- $3 state, $4 due at, $5 escalations, $6 closed at, $7 resolved, $8 satisfaction, $9 the post it is
-- assigned to (NULL: it keeps the one it has).
UPDATE cases SET level = $2, state = $3, due_at = $4, escalations = $5, closed_at = $6, resolved = $7, satisfaction = $8,
                 assignee = coalesce($9, assignee), version = version + 1
WHERE id = $1
