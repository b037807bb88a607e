-- The pump's step: see migration 023. $1 the sequencer's lock, $2 after, $3 how many at most.
SELECT seq, at, entity, op, data FROM sequence_and_read($1, $2, $3)
