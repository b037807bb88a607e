-- Cases the search box names: by case number, by a channel's ticket, and when $2 by a reporter's or
-- party's phone; each with what matched, newest first. $1 the text as typed (trimmed), $2 whether phones count.
WITH found AS (
  SELECT id AS case_id, 'code' AS matched FROM cases WHERE code = upper($1)
  UNION
  SELECT case_id, 'ticket' FROM case_reports WHERE ticket = $1
  UNION
  SELECT case_id, 'phone' FROM case_parties WHERE $2 AND phone = $1
)
SELECT p.summary, f.matched
FROM found f JOIN case_public p ON p.id = f.case_id
ORDER BY p.reported_at DESC
LIMIT 50
