-- The facts the case loop decides on, the grid the case is in, its lead department, the departments it is
-- routed to now, when its alarm was acknowledged and its version, locked until the step is written: a second
-- step on the case waits here and then reads the version the first one wrote. $1 case id.
SELECT c.category, c.kind, c.source, c.level, c.state, c.due_at AS "dueAt", c.escalations, c.version, g.code AS "gridCode",
       (SELECT code FROM regions WHERE id = c.township_id) AS "townshipCode",
       c.signed_at AS "signedAt", c.sender, c.closed_at AS "closedAt", c.resolved, c.satisfaction, c.followed_up_at AS "followedUpAt",
       c.send_backs AS "sendBacks", c.reopened, c.acknowledged_at AS "acknowledgedAt",
       (SELECT h.department FROM case_history h WHERE h.case_id = c.id AND h.step = 'route' ORDER BY h.at DESC, h.id DESC LIMIT 1) AS department,
       coalesce((SELECT json_agg(json_build_object('department', r.department, 'lead', r.lead, 'routedAt', r.routed_at,
                                                   'signDueAt', r.sign_due_at, 'signedAt', r.signed_at) ORDER BY r.lead DESC, r.id)
                 FROM case_routes r WHERE r.case_id = c.id AND r.ended_at IS NULL), '[]'::json) AS routes
FROM cases c JOIN grids g ON g.id = c.grid_id
WHERE c.id = $1
FOR UPDATE OF c
