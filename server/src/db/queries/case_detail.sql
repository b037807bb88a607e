-- A case with its description and whole history, oldest step first, each step with what it says besides its
-- note (the clock it answered to, a send-back's reason, an answer's channel …); never its parties. $1 case id.
SELECT p.summary, c.description,
       coalesce((SELECT json_agg(json_build_object(
                   'step', h.step, 'actorRole', h.actor_role, 'level', h.level,
                   'at', to_char(h.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   'department', h.department, 'note', h.note, 'assignee', h.assignee, 'dueAt', iso_utc(h.due_at),
                   'reason', h.reason, 'channel', h.channel, 'assisting', h.assisting, 'toGrid', h.to_grid,
                   'accepted', h.accepted, 'satisfaction', h.satisfaction) ORDER BY h.at, h.id)
                 FROM case_history h WHERE h.case_id = c.id), '[]'::json) AS history
FROM case_public p JOIN cases c ON c.id = p.id
WHERE p.id = $1
