-- Forgets numbered changes older than the replay horizon; a client further behind gets a snapshot.
-- Only rows that have a position: an unnumbered row has not been streamed yet. $1 cutoff time.
WITH gone AS (DELETE FROM change_log WHERE seq IS NOT NULL AND at < $1 RETURNING 1)
SELECT count(*)::int AS n FROM gone
