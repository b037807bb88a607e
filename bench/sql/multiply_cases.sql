-- The bench's synthetic load: $1 more copies of every seeded case, with its history, routes and mediations,
-- each copy a case of its own (code suffixed -X1, -X2, …), so the store holds ($1 + 1) times the year.
WITH copies AS (
  INSERT INTO cases (code, category, kind, source, geom, grid_id, community_id, township_id, level, state, reported_at, due_at, escalations,
                     closed_at, resolved, satisfaction, description, version, assignee, signed_at, sender, send_backs, reopened, followed_up_at)
  SELECT c.code || '-X' || k, c.category, c.kind, c.source, c.geom, c.grid_id, c.community_id, c.township_id, c.level, c.state, c.reported_at,
         c.due_at, c.escalations, c.closed_at, c.resolved, c.satisfaction, c.description, c.version, c.assignee, c.signed_at, c.sender,
         c.send_backs, c.reopened, c.followed_up_at
  FROM cases c CROSS JOIN generate_series(1, $1::integer) k
  WHERE c.code NOT LIKE '%-X%'
  RETURNING id, code
), pairs AS MATERIALIZED (
  SELECT n.id AS new_id, o.id AS old_id FROM copies n JOIN cases o ON o.code = split_part(n.code, '-X', 1)
), history AS (
  INSERT INTO case_history (case_id, step, actor_role, level, at, department, note, assignee, due_at, reason, channel, assisting, to_grid, accepted, satisfaction)
  SELECT p.new_id, h.step, h.actor_role, h.level, h.at, h.department, h.note, h.assignee, h.due_at, h.reason, h.channel, h.assisting, h.to_grid,
         h.accepted, h.satisfaction
  FROM pairs p JOIN case_history h ON h.case_id = p.old_id
), routes AS (
  INSERT INTO case_routes (case_id, department, lead, routed_at, sign_due_at, signed_at, ended_at, ended_how)
  SELECT p.new_id, r.department, r.lead, r.routed_at, r.sign_due_at, r.signed_at, r.ended_at, r.ended_how
  FROM pairs p JOIN case_routes r ON r.case_id = p.old_id
)
INSERT INTO case_mediations (case_id, body_id, kind, mode, referred_at, sessions, outcome, ended_at, amount_yuan, confirmed_at)
SELECT p.new_id, m.body_id, m.kind, m.mode, m.referred_at, m.sessions, m.outcome, m.ended_at, m.amount_yuan, m.confirmed_at
FROM pairs p JOIN case_mediations m ON m.case_id = p.old_id
