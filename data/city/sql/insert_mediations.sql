-- The disputes' mediations. Arrays of equal length: $1 case ids, $2 body ids, $3 kinds, $4 modes, $5 referred at,
-- $6 sessions, $7 outcomes, $8 ended at, $9 amounts in yuan, $10 confirmed at (NULLs while open or unconfirmed).
INSERT INTO case_mediations (case_id, body_id, kind, mode, referred_at, sessions, outcome, ended_at, amount_yuan, confirmed_at)
SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::smallint[], $7::text[],
                     $8::timestamptz[], $9::numeric[], $10::timestamptz[])
