-- The live pump's step in one round trip: number the changes committed with no position yet (as
-- sequence_changes.sql does, under the sequencer's advisory lock, whose key the caller passes), then read
-- what follows the position the caller has sent, oldest first (as read_changes.sql). Called as one
-- statement, its numbering commits before its rows reach the caller. It was a transaction of five round
-- trips and a read after it, each waiting its turn on a loaded store, and every change waited for them.
-- Each statement inside takes its own snapshot, after the lock: the read sees what the last sequencer numbered.
CREATE FUNCTION sequence_and_read(p_lock bigint, p_after bigint, p_most integer)
RETURNS TABLE (seq bigint, at text, entity text, op text, data jsonb)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  PERFORM pg_advisory_xact_lock(p_lock);
  WITH waiting AS MATERIALIZED (
    SELECT w.id FROM change_log w WHERE w.seq IS NULL ORDER BY w.id LIMIT p_most
  ), numbered AS MATERIALIZED (
    SELECT w.id, nextval('change_log_position') AS position FROM waiting w ORDER BY w.id
  )
  UPDATE change_log c SET seq = n.position FROM numbered n WHERE c.id = n.id;
  RETURN QUERY
    SELECT c.seq, to_char(c.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), c.entity, c.op, c.payload
    FROM change_log c WHERE c.seq > p_after ORDER BY c.seq LIMIT p_most;
END
$$;
