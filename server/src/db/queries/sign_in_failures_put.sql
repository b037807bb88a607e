-- Records the count of failed sign-ins against a login name: $1 login, $2 failures, $3 window start, $4 locked until.
INSERT INTO sign_in_failures (login, failures, first_at, locked_until) VALUES ($1, $2, $3, $4)
ON CONFLICT (login) DO UPDATE SET failures = EXCLUDED.failures, first_at = EXCLUDED.first_at, locked_until = EXCLUDED.locked_until
