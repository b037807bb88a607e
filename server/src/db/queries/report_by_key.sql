-- The report an account filed under an idempotency key, and its case as the stream carries it.
-- $1 account id, $2 idempotency key.
SELECT r.id AS "reportId", p.summary, (r.reported_at > c.reported_at) AS merged
FROM case_reports r JOIN cases c ON c.id = r.case_id JOIN case_public p ON p.id = r.case_id
WHERE r.account_id = $1 AND r.idempotency_key = $2
