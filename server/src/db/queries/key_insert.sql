-- A new API key of the account with login $1: $2 prefix, $3 SHA-256 of the key, $4 label.
INSERT INTO api_keys (account_id, prefix, hash, label)
SELECT id, $2, $3, $4 FROM accounts WHERE login = $1
RETURNING id
