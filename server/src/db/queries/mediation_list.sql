-- A case's mediations as the contract's Mediation, the oldest first; with $2 only that one (NULL: all).
-- $1 case id. Uses case_mediations_case_idx.
SELECT m.id, m.case_id AS "caseId", m.body_id AS "bodyId", b.name AS "bodyName", m.kind, m.mode, iso_utc(m.referred_at) AS "referredAt",
       m.sessions, m.outcome, iso_utc(m.ended_at) AS "endedAt", m.amount_yuan AS "amountYuan", iso_utc(m.confirmed_at) AS "confirmedAt"
FROM case_mediations m JOIN mediation_bodies b ON b.id = m.body_id
WHERE m.case_id = $1 AND ($2::bigint IS NULL OR m.id = $2::bigint)
ORDER BY m.id
