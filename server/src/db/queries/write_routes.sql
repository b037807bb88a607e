-- A case's routes after a step: the departments no longer routed end ($3, how), the new ones start with
-- their sign-for clocks, and the ones that reported (报到) are signed. $1 case id, $2 now, $3 how the ended
-- ones ended (NULL: none ended), then the routes as they stand, as arrays: $4 departments, $5 lead,
-- $6 routed at, $7 sign-for due, $8 signed at.
WITH now_routed AS (
  SELECT * FROM unnest($4::text[], $5::boolean[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[])
    AS r (department, lead, routed_at, sign_due_at, signed_at)
), ended AS (
  UPDATE case_routes o SET ended_at = $2, ended_how = $3
  WHERE o.case_id = $1 AND o.ended_at IS NULL AND $3::text IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM now_routed n WHERE n.department = o.department AND n.routed_at = o.routed_at)
), signed AS (
  UPDATE case_routes o SET signed_at = n.signed_at
  FROM now_routed n
  WHERE o.case_id = $1 AND o.ended_at IS NULL AND o.department = n.department AND o.routed_at = n.routed_at
    AND o.signed_at IS NULL AND n.signed_at IS NOT NULL
)
INSERT INTO case_routes (case_id, department, lead, routed_at, sign_due_at, signed_at)
SELECT $1, n.department, n.lead, n.routed_at, n.sign_due_at, n.signed_at
FROM now_routed n
WHERE n.routed_at = $2
  AND NOT EXISTS (SELECT 1 FROM case_routes o WHERE o.case_id = $1 AND o.ended_at IS NULL AND o.department = n.department AND o.routed_at = n.routed_at)
