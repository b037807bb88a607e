-- Arrays of equal length: $1 case ids, $2 steps, $3 actor roles, $4 levels, $5 times, $6 departments, $7 notes.
INSERT INTO case_history (case_id, step, actor_role, level, at, department, note)
SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[])
