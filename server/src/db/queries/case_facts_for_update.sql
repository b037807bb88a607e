-- The facts the case loop decides on, and the grid the case is in, locked until the step is written. $1 case id.
SELECT c.category, c.kind, c.level, c.state, c.due_at AS "dueAt", c.escalations, g.code AS "gridCode"
FROM cases c JOIN grids g ON g.id = c.grid_id
WHERE c.id = $1
FOR UPDATE OF c
