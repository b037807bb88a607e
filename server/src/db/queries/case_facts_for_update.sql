-- The facts the case loop decides on, the grid the case is in and its version, locked until the step is
-- written: a second step on the case waits here and then reads the version the first one wrote. $1 case id.
SELECT c.category, c.kind, c.level, c.state, c.due_at AS "dueAt", c.escalations, c.version, g.code AS "gridCode"
FROM cases c JOIN grids g ON g.id = c.grid_id
WHERE c.id = $1
FOR UPDATE OF c
