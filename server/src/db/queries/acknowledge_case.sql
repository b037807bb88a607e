-- When an urgent hazard's alarm was acknowledged (确认收到); the step's history row and the case's next version
-- are written with it by the step. $1 case id, $2 at.
UPDATE cases SET acknowledged_at = $2
WHERE id = $1
