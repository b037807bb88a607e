-- The case holding a channel's ticket. $1 channel, $2 ticket.
SELECT case_id AS "caseId" FROM case_reports WHERE channel = $1 AND ticket = $2
