-- The case's mediation still open (no outcome yet), if any. $1 case id. Uses case_mediations_one_open_idx.
SELECT m.id, iso_utc(m.referred_at) AS "referredAt", b.name AS "bodyName"
FROM case_mediations m JOIN mediation_bodies b ON b.id = m.body_id
WHERE m.case_id = $1 AND m.outcome IS NULL
