-- What came of a mediation. $1 mediation id, $2 sessions held, $3 outcome, $4 ended at, $5 the amount an
-- agreement settles in yuan (NULL: none named).
UPDATE case_mediations SET sessions = $2, outcome = $3, ended_at = $4, amount_yuan = $5
WHERE id = $1
