-- A dispute referred to a body. $1 case id, $2 body id, $3 kind, $4 mode, $5 referred at. Returns its id.
-- A second open mediation of the case fails on case_mediations_one_open_idx.
INSERT INTO case_mediations (case_id, body_id, kind, mode, referred_at)
VALUES ($1, $2, $3, $4, $5)
RETURNING id
