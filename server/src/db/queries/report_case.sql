-- A new report in one statement (one transaction): the grid covering the point (lower code on a
-- shared edge) and its codes, the case at the grid level, its collect step, its parties, and its change for the
-- stream, whose payload is the new row as case_json gives it. No row back means the point is in no grid.
-- $1 category, $2 kind, $3 source, $4 lon, $5 lat, $6 now, $7 due at, $8 description, $9 actor role;
-- parties as arrays: $10 roles, $11 names, $12 phones, $13 ID numbers; $14 when the grid signed for it (NULL: it
-- waits to be), $15 who sent it there (NULL: the grid's own report). Its first report (case_reports): $16 the
-- channel's ticket, $17 the address as the reporter put it, $18 the filing account, $19 its idempotency key.
-- A ticket or key already taken fails the whole statement on its unique constraint: nothing is written.
WITH place AS (
  SELECT g.id AS grid_id, g.community_id, c.parent_id AS township_id, g.code AS grid_code, c.code AS community_code, t.code AS township_code
  FROM grids g JOIN regions c ON c.id = g.community_id JOIN regions t ON t.id = c.parent_id
  WHERE g.valid_to IS NULL AND ST_Covers(g.geom, ST_SetSRID(ST_MakePoint($4, $5), 4326))
  ORDER BY g.code LIMIT 1
), new_id AS (
  SELECT nextval(pg_get_serial_sequence('cases', 'id')) AS id FROM place
), ins AS (
  INSERT INTO cases (id, code, category, kind, source, geom, grid_id, community_id, township_id, level, state,
                     reported_at, due_at, description, signed_at, sender)
  OVERRIDING SYSTEM VALUE
  SELECT n.id, case_code(n.id, $6), $1, $2, $3, ST_SetSRID(ST_MakePoint($4, $5), 4326), p.grid_id, p.community_id,
         p.township_id, 'grid', 'collected', $6, $7, $8, $14, $15
  FROM new_id n, place p
  RETURNING *
), history AS (
  INSERT INTO case_history (case_id, step, actor_role, level, at) SELECT id, 'collect', $9, 'grid', $6 FROM ins
), report AS (
  INSERT INTO case_reports (case_id, channel, ticket, reported_at, address, account_id, idempotency_key)
  SELECT id, $3, $16, $6, $17, $18, $19 FROM ins
  RETURNING id
), parties AS (
  INSERT INTO case_parties (case_id, role, name, phone, id_number, report_id)
  SELECT ins.id, p.role, p.name, p.phone, p.id_number, report.id
  FROM ins, report, unnest($10::text[], $11::text[], $12::text[], $13::text[]) AS p (role, name, phone, id_number)
), summary AS (
  -- A new case has no route and no department yet, and its place's codes are in hand: case_json_of is
  -- inlined, where case_json's subqueries made it a SQL function planned again for every report (half the
  -- statement's time: 923 reports/s alone in pgbench, 2,110 this way).
  SELECT ins.id, case_json_of(ins::cases, p.grid_code, p.community_code, p.township_code, NULL, '[]'::json) AS j FROM ins, place p
)
-- The change is logged by the final SELECT itself: a CTE that only SELECTs runs only when read.
SELECT s.j AS summary, r.id AS "reportId" FROM summary s, report r, LATERAL log_change($6, 'case', s.id::text, 'insert', s.j::jsonb) AS logged
