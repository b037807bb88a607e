-- A camera's new state; the time it changed stays when the state is the same. $1 id, $2 state, $3 now.
-- coverChanged: it went online or stopped being online, so what the cameras see changed (offline to
-- faulty changes nothing seen). The old state is read under the row lock, so two changes of one
-- camera at once each see the other's result.
WITH old AS (SELECT id, state FROM cameras WHERE id = $1 FOR UPDATE)
UPDATE cameras c SET state_changed_at = CASE WHEN c.state = $2 THEN c.state_changed_at ELSE $3 END, state = $2
FROM old
WHERE c.id = old.id
RETURNING c.id, (old.state = 'online') <> (c.state = 'online') AS "coverChanged"
