-- Replaces the whole table of time limits at once. Arrays: $1 holders, $2 kinds ('*' for every kind),
-- $3 hours to sign for, $4 hours to handle. One statement sees the table as it was: the rows left out are
-- deleted and the rest written over, not deleted and inserted again (which would meet themselves).
WITH r AS (SELECT * FROM unnest($1::text[], $2::text[], $3::real[], $4::real[]) AS r (holder, kind, sign_hours, handle_hours)),
gone AS (DELETE FROM time_limits t WHERE NOT EXISTS (SELECT 1 FROM r WHERE r.holder = t.holder AND r.kind = t.kind))
INSERT INTO time_limits (holder, kind, sign_hours, handle_hours) SELECT * FROM r
ON CONFLICT (holder, kind) DO UPDATE SET sign_hours = EXCLUDED.sign_hours, handle_hours = EXCLUDED.handle_hours
