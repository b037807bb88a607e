-- A camera's new state; the time it changed stays when the state is the same. $1 id, $2 state, $3 now.
UPDATE cameras SET state_changed_at = CASE WHEN state = $2 THEN state_changed_at ELSE $3 END, state = $2
WHERE id = $1
RETURNING id
