-- Positions in the change log are given after commit, not at insert. Writers insert rows without a
-- position; one sequencer at a time numbers the committed rows it finds, in insertion order. A
-- position therefore never appears below one already handed out, with no lock held through any
-- writer's COMMIT (the lock this replaces serialised every commit on its WAL flush).

ALTER TABLE change_log DROP CONSTRAINT change_log_pkey;
ALTER TABLE change_log ALTER COLUMN seq DROP IDENTITY;
ALTER TABLE change_log ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE change_log DROP COLUMN tx;
ALTER TABLE change_log ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;

CREATE SEQUENCE change_log_position;
SELECT setval('change_log_position', coalesce(max(seq), 0) + 1, false) FROM change_log;

CREATE UNIQUE INDEX change_log_seq_idx ON change_log (seq);
CREATE INDEX change_log_unsequenced_idx ON change_log (id) WHERE seq IS NULL;
