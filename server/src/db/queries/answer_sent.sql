-- An answer the receiver acknowledged, and its change for the stream (the case, the channel and the event:
-- no person, no text). Nothing when it was delivered already. $1 id, $2 at.
WITH sent AS (
  UPDATE answer_outbox SET state = 'delivered', delivered_at = $2, last_error = NULL
  WHERE id = $1 AND state = 'pending'
  RETURNING report_id, event
)
SELECT log_change($2, 'answer', c.id::text, 'insert', jsonb_build_object(
         'caseId', c.id, 'caseCode', c.code, 'channel', r.channel, 'event', s.event, 'gridCode', g.code, 'townshipCode', t.code)) AS logged
FROM sent s
JOIN case_reports r ON r.id = s.report_id
JOIN cases c ON c.id = r.case_id
JOIN grids g ON g.id = c.grid_id
JOIN regions t ON t.id = c.township_id
