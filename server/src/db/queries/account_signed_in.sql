-- An account ($1) signed in at $2.
UPDATE accounts SET last_sign_in_at = $2 WHERE id = $1
