-- One writer of the change log: every write that streams a change calls log_change, in the writer's own
-- transaction. The row gets no position here (the sequencer numbers it once committed; see 003), so the
-- outbox's one rule lives in one place. Returns the row's id, the order the sequencer numbers rows in.
-- PL/pgSQL rather than SQL: its INSERT is planned once per connection, where a SQL function's body is
-- planned again at every call (a report's one round trip would pay for it).
CREATE FUNCTION log_change(p_at timestamptz, p_entity text, p_entity_id text, p_op text, p_payload jsonb)
RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  logged bigint;
BEGIN
  INSERT INTO change_log (at, entity, entity_id, op, payload) VALUES (p_at, p_entity, p_entity_id, p_op, p_payload)
  RETURNING id INTO logged;
  RETURN logged;
END
$$;
