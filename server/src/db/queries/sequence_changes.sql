-- Gives the next positions to committed changes that have none, oldest insert first (two changes of
-- one entity are inserted in the order they commit, so they keep it). Run under the sequencer lock.
-- $1 how many at most. Uses change_log_unsequenced_idx.
UPDATE change_log c SET seq = n.seq
FROM (
  SELECT id, nextval('change_log_position') AS seq
  FROM (SELECT id FROM change_log WHERE seq IS NULL ORDER BY id LIMIT $1) waiting
  ORDER BY id
) n
WHERE c.id = n.id
RETURNING c.seq
