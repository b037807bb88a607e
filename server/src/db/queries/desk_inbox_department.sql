-- A department's inbox: the open cases routed to it now, the least time left first. $1 department, $2 limit.
-- Uses case_routes_open_department_idx.
SELECT p.summary
FROM case_routes r JOIN case_public p ON p.id = r.case_id
WHERE r.department = $1 AND r.ended_at IS NULL AND p.state <> 'closed'
ORDER BY p.due_at, p.id
LIMIT $2
