-- One mediation of a case and its body's name, the mediation locked until its result is written.
-- $1 mediation id, $2 case id.
SELECT m.id, b.name AS "bodyName", m.outcome, m.ended_at AS "endedAt", m.confirmed_at AS "confirmedAt"
FROM case_mediations m JOIN mediation_bodies b ON b.id = m.body_id
WHERE m.id = $1 AND m.case_id = $2
FOR UPDATE OF m
