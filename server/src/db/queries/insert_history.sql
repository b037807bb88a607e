-- One step of a case's loop, or its assignment. $1 case id, $2 step, $3 actor role, $4 level, $5 at,
-- $6 department, $7 note, $8 the post an assignment names, $9 the clock the step answered to, $10 a
-- send-back's reason, $11 an answer's channel, $12 a route's assisting departments, $13 a dispatch's
-- grid, $14 a check's verdict, $15 a follow-up's satisfaction. Returns the step's id.
INSERT INTO case_history (case_id, step, actor_role, level, at, department, note, assignee, due_at, reason, channel, assisting, to_grid,
                          accepted, satisfaction)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
RETURNING id
