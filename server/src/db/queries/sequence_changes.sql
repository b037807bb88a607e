-- Gives the next positions to committed changes that have none, oldest insert first (two changes of
-- one entity are inserted in the order they commit, so they keep it). Run under the sequencer lock.
-- $1 how many at most. Uses change_log_unsequenced_idx.
-- Both steps are materialized: the positions are drawn once per change, in id order. Left to the planner, the
-- numbered rows could be the inner side of a join and be drawn again for every outer row (a nested loop
-- rescans its inner side), each rescan calling nextval anew: positions skipped by the million, under load.
WITH waiting AS MATERIALIZED (
  SELECT id FROM change_log WHERE seq IS NULL ORDER BY id LIMIT $1
), numbered AS MATERIALIZED (
  SELECT id, nextval('change_log_position') AS seq FROM waiting ORDER BY id
)
UPDATE change_log c SET seq = n.seq
FROM numbered n
WHERE c.id = n.id
RETURNING c.seq
