-- Another report of an open case (并案), with its caller as the case's applicant of that report.
-- $1 case id, $2 channel, $3 ticket, $4 at, $5 address, $6 filing account, $7 idempotency key;
-- $8 caller's name, $9 caller's phone. Returns the report's id.
WITH report AS (
  INSERT INTO case_reports (case_id, channel, ticket, reported_at, address, account_id, idempotency_key)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  RETURNING id
), caller AS (
  INSERT INTO case_parties (case_id, role, name, phone, report_id) SELECT $1, 'applicant', $8, $9, id FROM report
)
SELECT id FROM report
