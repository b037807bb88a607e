-- Makes the account with login $1 an Open311 client filing by channel $2; an account that is one already keeps
-- its channel, and a login no account has makes nothing.
INSERT INTO intake_clients (account_id, channel)
SELECT id, $2 FROM accounts WHERE login = $1
ON CONFLICT (account_id) DO NOTHING
