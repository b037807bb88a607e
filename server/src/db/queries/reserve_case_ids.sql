-- Takes the next $1 case ids, in order, so a case's code (AD + Beijing date + id) is known before it is written.
SELECT nextval(pg_get_serial_sequence('cases', 'id')) AS id FROM generate_series(1, $1)
