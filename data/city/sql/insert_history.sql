-- Arrays of equal length: $1 case ids, $2 steps, $3 actor roles, $4 levels, $5 times, $6 departments, $7 notes,
-- $8 the clocks the steps answered to, $9 send-back reasons, $10 answer channels, $11 assisting departments
-- (comma-joined: arrays of arrays must be rectangular), $12 checks' verdicts, $13 follow-ups' satisfaction.
INSERT INTO case_history (case_id, step, actor_role, level, at, department, note, due_at, reason, channel, assisting, accepted, satisfaction)
SELECT case_id, step, actor_role, level, at, department, note, due_at, reason, channel,
       CASE WHEN assisting IS NULL THEN NULL ELSE string_to_array(assisting, ',') END, accepted, satisfaction
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::timestamptz[], $9::text[],
            $10::text[], $11::text[], $12::bool[], $13::text[])
  AS h (case_id, step, actor_role, level, at, department, note, due_at, reason, channel, assisting, accepted, satisfaction)
