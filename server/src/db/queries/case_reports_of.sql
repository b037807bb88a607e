-- A case's reports, oldest first, each with the answers owed to its channel. $1 case id.
SELECT r.id, r.channel, r.ticket, iso_utc(r.reported_at) AS "reportedAt", r.address,
       COALESCE((
         SELECT jsonb_agg(jsonb_build_object('event', o.event, 'state', o.state, 'attempts', o.attempts,
                                             'deliveredAt', iso_utc(o.delivered_at), 'lastError', o.last_error) ORDER BY o.id)
         FROM answer_outbox o WHERE o.report_id = r.id), '[]'::jsonb) AS answers
FROM case_reports r
WHERE r.case_id = $1
ORDER BY r.id
