-- A case's facts after a step or an escalation. $1 id, $2 level, $3 state, $4 due at, $5 escalations,
-- $6 closed at, $7 resolved, $8 satisfaction.
UPDATE cases SET level = $2, state = $3, due_at = $4, escalations = $5, closed_at = $6, resolved = $7, satisfaction = $8
WHERE id = $1
