-- An attempt that failed: tried again at $3, or given up ('failed') when $4. $1 id, $2 why.
UPDATE answer_outbox SET last_error = $2, next_at = $3, state = CASE WHEN $4 THEN 'failed' ELSE 'pending' END
WHERE id = $1 AND state = 'pending'
