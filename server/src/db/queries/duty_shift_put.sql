-- A shift for the account with login $1 ($2 the name shown, $3 its desk phone) from $4 to $5, unless a
-- shift already starts then: the demo's roster is filled in at every start without doubling.
INSERT INTO duty_shifts (account_id, name, desk_phone, starts_at, ends_at)
SELECT a.id, $2, $3, $4, $5 FROM accounts a
WHERE a.login = $1 AND NOT EXISTS (SELECT FROM duty_shifts s WHERE s.starts_at = $4)
