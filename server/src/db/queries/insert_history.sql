-- One step of a case's loop. $1 case id, $2 step, $3 actor role, $4 level, $5 at, $6 department, $7 note.
INSERT INTO case_history (case_id, step, actor_role, level, at, department, note) VALUES ($1, $2, $3, $4, $5, $6, $7)
