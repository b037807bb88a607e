-- Takes the next $1 case ids, in order, so history and parties can name their case in the same batch.
SELECT nextval(pg_get_serial_sequence('cases', 'id')) AS id FROM generate_series(1, $1)
