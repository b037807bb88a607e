-- A login name signed in: its failures are forgiven.
DELETE FROM sign_in_failures WHERE login = $1
