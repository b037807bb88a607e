-- The seeded urgent hazards' alarms acknowledged at the centre's seat (actor 'city', as an operator's step is
-- recorded) one to six minutes after each was reported, while the case was still at its grid; those reported
-- in the last hour are left waiting, as on a real wall. $1 the urgent kinds, $2 now.
WITH acked AS (
  UPDATE cases SET acknowledged_at = reported_at + make_interval(mins => 1 + (id % 6)::int)
  WHERE category = 'hazard' AND kind = ANY($1::text[]) AND reported_at < $2::timestamptz - interval '1 hour'
  RETURNING id, acknowledged_at
)
INSERT INTO case_history (case_id, step, actor_role, level, at, note)
SELECT id, 'acknowledge', 'city', 'grid', acknowledged_at, '已确认收到' FROM acked ORDER BY id
