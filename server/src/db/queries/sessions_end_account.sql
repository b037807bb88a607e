-- Ends every session of the account with login $1 (signed out everywhere: disabled, or a new password).
DELETE FROM sessions s USING accounts a WHERE a.id = s.account_id AND a.login = $1
