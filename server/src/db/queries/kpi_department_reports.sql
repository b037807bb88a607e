-- The departments that have not reported (报到) on open cases in scope: routes not yet signed for, and of
-- those the ones past their sign-for limit. $1 now, $2 region or grid code as in kpi_open_levels.sql (NULL:
-- the whole city). Uses case_routes_open_case_idx.
SELECT count(r.id)::int AS awaiting, count(r.id) FILTER (WHERE r.sign_due_at < $1)::int AS overdue
FROM case_routes r JOIN cases c ON c.id = r.case_id
WHERE r.ended_at IS NULL AND r.signed_at IS NULL AND c.state <> 'closed'
  AND ($2::text IS NULL OR (SELECT id FROM regions WHERE code = $2) IN (c.township_id, c.community_id) OR c.township_id = ANY (area_townships($2))
       OR c.grid_id IN (SELECT id FROM grids WHERE code = $2))
