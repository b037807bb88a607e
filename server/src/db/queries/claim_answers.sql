-- Takes up to $2 answers that are due for a send attempt, leasing them until $3 so that another process
-- (or this one, should it die mid-send) tries again only after the lease; SKIP LOCKED lets several senders
-- share the queue. $1 now. Returns each with its endpoint and the attempt's number.
UPDATE answer_outbox o SET next_at = $3, attempts = o.attempts + 1
FROM (
  SELECT a.id FROM answer_outbox a
  WHERE a.state = 'pending' AND a.next_at <= $1
  ORDER BY a.next_at, a.id
  LIMIT $2
  FOR UPDATE SKIP LOCKED
) due, case_reports r, answer_endpoints e
WHERE o.id = due.id AND r.id = o.report_id AND e.channel = r.channel
RETURNING o.id, o.idempotency_key AS key, o.body, o.attempts, e.url, e.secret, r.case_id AS "caseId", r.channel, o.event
