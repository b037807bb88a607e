-- One audit entry: $1 at, $2 account id, $3 actor login, $4 role, $5 address, $6 action, $7 subject, $8 status.
INSERT INTO audit_log (at, account_id, actor, role, address, action, subject, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
