-- Changes a transaction is about to commit, without a position yet: the sequencer numbers them once
-- they are committed. Arrays of equal length: $1 entities, $2 entity ids, $3 ops, $4 payloads (JSON text); $5 time.
-- Logged in the arrays' order (the subquery's), which is the order the sequencer numbers them in.
SELECT log_change($5, c.entity, c.entity_id, c.op, c.payload::jsonb)
FROM (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u (entity, entity_id, op, payload, n) ORDER BY n
) c
