-- An urgent hazard's alarm (fire, gas, electricity, flood) stands on the wall until a seat of the centre or a
-- duty leader confirms it was received (确认收到): an `acknowledge` step beside the loop, and when it was taken,
-- kept on the case so the stream and the lists carry it without reading the history. NULL: not yet, or never
-- owed (the cases reported before this, and every case that is not an urgent hazard).
ALTER TABLE cases ADD COLUMN acknowledged_at timestamptz;

ALTER TABLE case_history DROP CONSTRAINT case_history_step_check;
ALTER TABLE case_history ADD CONSTRAINT case_history_step_check
  CHECK (step IN ('collect', 'sign_for', 'verify', 'handle', 'report_up', 'dispatch', 'route', 'send_back', 'supervise', 'feed_back',
                  'check', 'answer', 'close', 'follow_up', 'assign', 'regrid', 'merge', 'mediate', 'mediation_result', 'judicial_confirmation',
                  'acknowledge'));

-- The stream's case as in 012, with when its alarm was acknowledged. Still no subqueries, so it is inlined.
CREATE OR REPLACE FUNCTION case_json_of(c cases, grid_code text, community_code text, township_code text, department text, departments json)
RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', c.id, 'code', c.code, 'category', c.category, 'kind', c.kind, 'source', c.source,
    'location', json_build_array(round(ST_X(c.geom)::numeric, 6), round(ST_Y(c.geom)::numeric, 6)),
    'gridCode', grid_code, 'communityCode', community_code, 'townshipCode', township_code,
    'level', c.level, 'state', c.state, 'reportedAt', iso_utc(c.reported_at), 'dueAt', iso_utc(c.due_at),
    'escalations', c.escalations, 'closedAt', iso_utc(c.closed_at), 'resolved', c.resolved, 'satisfaction', c.satisfaction,
    'version', c.version, 'assignee', c.assignee, 'department', department, 'signedAt', iso_utc(c.signed_at),
    'departments', departments, 'sender', c.sender, 'sendBacks', c.send_backs, 'reopened', c.reopened,
    'followedUpAt', iso_utc(c.followed_up_at), 'acknowledgedAt', iso_utc(c.acknowledged_at))
$$;
