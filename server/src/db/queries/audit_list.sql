-- The audit log, newest first: $1 actor login, $2 part of the action, $3 from, $4 to (each NULL for any), $5 how many.
SELECT id, iso_utc(at) AS at, actor, role, address, action, subject, status, note
FROM audit_log
WHERE ($1::text IS NULL OR actor = $1)
  AND ($2::text IS NULL OR strpos(action, $2) > 0)
  AND ($3::timestamptz IS NULL OR at >= $3)
  AND ($4::timestamptz IS NULL OR at < $4)
ORDER BY at DESC, id DESC
LIMIT $5
