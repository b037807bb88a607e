-- The failed sign-ins counted against a login name ($1).
SELECT failures, first_at AS "firstAt", locked_until AS "lockedUntil" FROM sign_in_failures WHERE login = $1
