-- One writer of the change log: every write that streams a change calls log_change, in the writer's own
-- transaction. The row gets no position here (the sequencer numbers it once committed; see 003), so the
-- outbox's one rule lives in one place. Returns the row's id, the order the sequencer numbers rows in.
CREATE FUNCTION log_change(p_at timestamptz, p_entity text, p_entity_id text, p_op text, p_payload jsonb)
RETURNS bigint LANGUAGE sql VOLATILE AS $$
  INSERT INTO change_log (at, entity, entity_id, op, payload) VALUES (p_at, p_entity, p_entity_id, p_op, p_payload)
  RETURNING id
$$;
