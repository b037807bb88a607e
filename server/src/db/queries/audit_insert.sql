-- Audit entries, as arrays of equal length: $1 at, $2 account id, $3 actor login, $4 role, $5 address, $6 action,
-- $7 subject, $8 status, $9 note.
INSERT INTO audit_log (at, account_id, actor, role, address, action, subject, status, note)
SELECT * FROM unnest($1::timestamptz[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[])
