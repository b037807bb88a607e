-- The facts the case loop decides on, the grid the case is in, the department it was routed to and its version, locked until the step is
-- written: a second step on the case waits here and then reads the version the first one wrote. $1 case id.
SELECT c.category, c.kind, c.level, c.state, c.due_at AS "dueAt", c.escalations, c.version, g.code AS "gridCode",
       (SELECT h.department FROM case_history h WHERE h.case_id = c.id AND h.step = 'route' ORDER BY h.at DESC, h.id DESC LIMIT 1) AS department
FROM cases c JOIN grids g ON g.id = c.grid_id
WHERE c.id = $1
FOR UPDATE OF c
