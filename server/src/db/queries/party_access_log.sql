-- Who opened which case's parties and when, newest first. $1 case id (NULL: every case), $2 how many at
-- most, $3 the code prefix of the reader's area: only the cases whose grid lies in it. The log grows by one
-- row a read: read whole, it stays small.
SELECT l.case_id AS "caseId", c.code AS "caseCode", l.actor, a.display_name AS "actorName", iso_utc(l.at) AS at
FROM party_access_log l JOIN cases c ON c.id = l.case_id JOIN grids g ON g.id = c.grid_id
LEFT JOIN accounts a ON a.login = l.actor
WHERE ($1::bigint IS NULL OR l.case_id = $1) AND starts_with(g.code, $3::text)
ORDER BY l.at DESC, l.id DESC
LIMIT $2
