-- The departments open cases are routed to now. Arrays: $1 case ids, $2 departments, $3 lead, $4 routed at,
-- $5 sign-for due, $6 signed at.
INSERT INTO case_routes (case_id, department, lead, routed_at, sign_due_at, signed_at)
SELECT * FROM unnest($1::bigint[], $2::text[], $3::bool[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[])
