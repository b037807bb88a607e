-- The answers a step owes (回告): one per report of the case whose channel has an enabled endpoint, keyed so
-- the receiver takes each once. $1 case id, $2 the step's history id, $3 event (answered|closed), $4 now,
-- $5 what was said (the step's note). The body names the case and the channel's ticket, never a person.
INSERT INTO answer_outbox (report_id, history_id, event, idempotency_key, body, next_at)
SELECT r.id, $2::bigint, $3::text, 'answer-' || r.id || '-' || $2::bigint, jsonb_build_object(
         'event', $3::text, 'caseCode', c.code, 'channel', r.channel, 'ticket', r.ticket, 'state', c.state,
         'resolved', c.resolved, 'satisfaction', c.satisfaction, 'text', $5::text, 'at', iso_utc($4::timestamptz)),
       $4::timestamptz
FROM case_reports r
JOIN cases c ON c.id = r.case_id
JOIN answer_endpoints e ON e.channel = r.channel AND e.enabled
WHERE r.case_id = $1
ON CONFLICT (report_id, history_id) DO NOTHING
