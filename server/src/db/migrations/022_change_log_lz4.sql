-- A gateway's batch is one change of some hundreds of KB (a province's 1,454 units: about 450 KB of JSON),
-- which PostgreSQL compresses as it stores it and the pump decompresses as it reads it back. Its own pglz took
-- about 4 ms of that batch's 60 ms statement; lz4 does the same work several times faster, both ways. A build
-- of PostgreSQL without lz4 (PGlite's) refuses the method: it keeps pglz, and everything else is the same.
DO $$
BEGIN
  ALTER TABLE change_log ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not built into this PostgreSQL: change_log keeps pglz';
END
$$;
