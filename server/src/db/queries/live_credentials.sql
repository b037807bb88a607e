-- Which of the sessions ($1, ids' SHA-256) and API keys ($2, key ids) still sign someone in at $3:
-- unexpired and unrevoked, of an enabled account. What is missing from the answer has ended.
SELECT s.sid_hash AS id FROM sessions s JOIN accounts a ON a.id = s.account_id
WHERE s.sid_hash = ANY($1::text[]) AND s.expires_at > $3 AND a.enabled
UNION ALL
SELECT 'key:' || k.id FROM api_keys k JOIN accounts a ON a.id = k.account_id
WHERE k.id = ANY($2::bigint[]) AND k.revoked_at IS NULL AND a.enabled
