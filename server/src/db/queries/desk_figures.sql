-- How a holder worked the loop from $3 to $4: sign-fors and results (on time: by the clock each answered
-- to), send-backs, dissatisfied follow-ups that reopened a case, and the cases waiting to be signed for now.
-- The holder is an area ($1, its code prefix, '' for everything: the steps of its levels) or a department
-- ($2; '*' for every department).
WITH steps AS (
  SELECT h.step, h.at, h.due_at, h.satisfaction
  FROM case_history h JOIN cases c ON c.id = h.case_id JOIN grids g ON g.id = c.grid_id
  WHERE h.step IN ('sign_for', 'feed_back', 'send_back', 'follow_up') AND h.at >= $3 AND h.at <= $4
    AND CASE WHEN $2::text IS NULL THEN h.department IS NULL AND starts_with(g.code, $1::text)
             ELSE h.department IS NOT NULL AND ($2 = '*' OR h.department = $2) END
)
SELECT count(*) FILTER (WHERE step = 'sign_for')::int AS signed,
       count(*) FILTER (WHERE step = 'sign_for' AND at <= coalesce(due_at, at))::int AS "signedOnTime",
       count(*) FILTER (WHERE step = 'feed_back')::int AS handled,
       count(*) FILTER (WHERE step = 'feed_back' AND at <= coalesce(due_at, at))::int AS "handledOnTime",
       count(*) FILTER (WHERE step = 'send_back')::int AS "sentBack",
       count(*) FILTER (WHERE step = 'follow_up' AND satisfaction = 'unsatisfied')::int AS reopened,
       CASE WHEN $2::text IS NULL THEN
         (SELECT count(*) FROM cases c JOIN grids g ON g.id = c.grid_id
          WHERE c.state <> 'closed' AND c.signed_at IS NULL AND starts_with(g.code, $1::text))
       ELSE
         (SELECT count(*) FROM case_routes r WHERE r.ended_at IS NULL AND r.signed_at IS NULL AND ($2 = '*' OR r.department = $2))
       END::int AS "waitingToSign"
FROM steps
