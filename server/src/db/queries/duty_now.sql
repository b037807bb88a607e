-- The duty leader whose shift runs at $1 (the latest to start, should two overlap), an enabled account's.
-- Uses duty_shifts_at_idx.
SELECT s.name, s.desk_phone AS "deskPhone", s.starts_at AS "from", s.ends_at AS "to"
FROM duty_shifts s
JOIN accounts a ON a.id = s.account_id AND a.enabled
WHERE s.starts_at <= $1 AND s.ends_at > $1
ORDER BY s.starts_at DESC
LIMIT 1
