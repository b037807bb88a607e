-- One step of a case's loop, or its assignment. $1 case id, $2 step, $3 actor role, $4 level, $5 at,
-- $6 department, $7 note, $8 the post an assignment names.
INSERT INTO case_history (case_id, step, actor_role, level, at, department, note, assignee) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
