-- The facts the case loop decides on, locked until the step is written. $1 case id.
SELECT category, kind, level, state, due_at AS "dueAt", escalations FROM cases WHERE id = $1 FOR UPDATE
