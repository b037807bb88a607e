-- Changes a transaction is about to commit, without a position yet: the sequencer numbers them once
-- they are committed. Arrays of equal length: $1 entities, $2 entity ids, $3 ops, $4 payloads (JSON text); $5 time.
INSERT INTO change_log (at, entity, entity_id, op, payload)
SELECT $5, c.entity, c.entity_id, c.op, c.payload::jsonb
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS c (entity, entity_id, op, payload, n)
ORDER BY c.n
