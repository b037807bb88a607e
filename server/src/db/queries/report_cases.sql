-- New reports in one statement (one transaction), each as one report alone would be filed: the grid covering
-- its point (lower code on a shared edge) and its codes, the case at the grid level, its collect step, its
-- first report, its parties, and its change for the stream, whose payload is the new row as case_json gives it.
-- Reports as arrays of equal length, one element a report: $1 categories, $2 kinds, $3 sources, $4 lons, $5 lats,
-- $7 due times, $8 descriptions, $9 actor roles, $10 when the grid signed for it (NULL: it waits to be), $11 who
-- sent it there (NULL: the grid's own report); its first report (case_reports): $12 the channel's tickets,
-- $13 the addresses as the reporters put them, $14 the filing accounts, $15 their idempotency keys. $6 now.
-- Parties as arrays, each naming its report by its place in the arrays above (from 1): $16 which report,
-- $17 roles, $18 names, $19 phones, $20 ID numbers.
-- One row back a report filed, `n` its place; none for a report whose point is in no grid. A ticket or key
-- already taken fails the whole statement on its unique constraint: nothing is written.
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $7::timestamptz[], $8::text[], $9::text[],
                       $10::timestamptz[], $11::text[], $12::text[], $13::text[], $14::int[], $15::text[])
    WITH ORDINALITY AS r (category, kind, source, lon, lat, due_at, description, actor, signed_at, sender, ticket, address, account_id, idempotency_key, n)
), place AS MATERIALIZED (
  SELECT i.n, p.* FROM input i CROSS JOIN LATERAL (
    SELECT g.id AS grid_id, g.community_id, c.parent_id AS township_id, g.code AS grid_code, c.code AS community_code, t.code AS township_code
    FROM grids g JOIN regions c ON c.id = g.community_id JOIN regions t ON t.id = c.parent_id
    WHERE g.valid_to IS NULL AND ST_Covers(g.geom, ST_SetSRID(ST_MakePoint(i.lon, i.lat), 4326))
    ORDER BY g.code LIMIT 1
  ) p
), new_id AS MATERIALIZED (
  -- Drawn once a report, in the reports' order.
  SELECT n, nextval(pg_get_serial_sequence('cases', 'id')) AS id FROM place ORDER BY n
), ins AS (
  INSERT INTO cases (id, code, category, kind, source, geom, grid_id, community_id, township_id, level, state,
                     reported_at, due_at, description, signed_at, sender)
  OVERRIDING SYSTEM VALUE
  SELECT k.id, case_code(k.id, $6), i.category, i.kind, i.source, ST_SetSRID(ST_MakePoint(i.lon, i.lat), 4326), p.grid_id, p.community_id,
         p.township_id, 'grid', 'collected', $6, i.due_at, i.description, i.signed_at, i.sender
  FROM new_id k JOIN input i USING (n) JOIN place p USING (n)
  RETURNING *
), history AS (
  INSERT INTO case_history (case_id, step, actor_role, level, at)
  SELECT ins.id, 'collect', i.actor, 'grid', $6 FROM ins JOIN new_id k ON k.id = ins.id JOIN input i USING (n)
), report AS (
  INSERT INTO case_reports (case_id, channel, ticket, reported_at, address, account_id, idempotency_key)
  SELECT ins.id, i.source, i.ticket, $6, i.address, i.account_id, i.idempotency_key FROM ins JOIN new_id k ON k.id = ins.id JOIN input i USING (n)
  RETURNING id, case_id
), parties AS (
  INSERT INTO case_parties (case_id, role, name, phone, id_number, report_id)
  SELECT r.case_id, p.role, p.name, p.phone, p.id_number, r.id
  FROM unnest($16::int[], $17::text[], $18::text[], $19::text[], $20::text[]) AS p (n, role, name, phone, id_number)
  JOIN new_id k USING (n) JOIN report r ON r.case_id = k.id
), summary AS (
  -- A new case has no route and no department yet, and its place's codes are in hand: case_json_of is
  -- inlined, where case_json's subqueries made it a SQL function planned again for every report (half the
  -- statement's time: 923 reports/s alone in pgbench, 2,110 this way).
  SELECT k.n, ins.id, case_json_of(ins::cases, p.grid_code, p.community_code, p.township_code, NULL, '[]'::json) AS j
  FROM ins JOIN new_id k ON k.id = ins.id JOIN place p USING (n)
)
-- The changes are logged by the final SELECT itself: a CTE that only SELECTs runs only when read.
SELECT s.n::int AS n, s.j AS summary, r.id AS "reportId"
FROM summary s JOIN report r ON r.case_id = s.id, LATERAL log_change($6, 'case', s.id::text, 'insert', s.j::jsonb) AS logged
