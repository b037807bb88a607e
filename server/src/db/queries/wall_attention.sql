-- Open cases moved up (督办: the platform's clock or a duty leader) or past their due time at $1, in the
-- area $2 (NULL: the city; a township's or community's 12-digit code, or a grid's 15-digit one), the
-- longest waiting first: since when each is overdue and when it was last moved up, its place by name.
-- No free text, no parties. $3 how many at most. Uses cases_open_due_idx and case_history_case_idx.
WITH open AS (
  SELECT c.* FROM cases c
  WHERE c.state <> 'closed' AND (c.escalations > 0 OR c.due_at < $1)
    AND ($2::text IS NULL
      OR (length($2) = 15 AND c.grid_id IN (SELECT g.id FROM grids g WHERE g.code = $2))
      OR (length($2) = 12 AND ((SELECT r.id FROM regions r WHERE r.code = $2) IN (c.township_id, c.community_id) OR c.township_id = ANY (area_townships($2)))))
), marked AS (
  SELECT o.*, (SELECT max(h.at) FROM case_history h WHERE h.case_id = o.id AND h.step = 'supervise') AS escalated_at,
         CASE WHEN o.due_at < $1 THEN o.due_at END AS overdue_since
  FROM open o
)
SELECT m.code, m.category, m.kind, m.level, m.escalations,
       t.name AS township, cm.name AS community,
       m.overdue_since AS "overdueSince", CASE WHEN m.escalations > 0 THEN m.escalated_at END AS "escalatedAt",
       (SELECT count(*) FROM marked WHERE overdue_since IS NOT NULL)::integer AS overdue_total,
       (SELECT count(*) FROM marked WHERE escalations > 0)::integer AS escalated_total,
       (SELECT count(*) FROM marked)::integer AS total
FROM marked m
JOIN regions t ON t.id = m.township_id
JOIN regions cm ON cm.id = m.community_id
ORDER BY least(m.overdue_since, CASE WHEN m.escalations > 0 THEN m.escalated_at END) NULLS LAST, m.id
LIMIT $3
