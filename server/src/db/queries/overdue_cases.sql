-- Open cases past their due time that a level above could still take, oldest due first.
-- $1 now, $2 how many at most. Uses cases_open_due_idx.
SELECT id FROM cases WHERE state <> 'closed' AND level <> 'city' AND due_at <= $1 ORDER BY due_at LIMIT $2
