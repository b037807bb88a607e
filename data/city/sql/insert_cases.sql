-- A batch of cases under ids reserved beforehand; codes by case_code(), as for live reports.
-- Arrays of equal length: $1 ids, $2 categories, $3 kinds, $4 sources, $5 lons, $6 lats, $7 grid ids,
-- $8 community ids, $9 township ids, $10 levels, $11 states, $12 reported at, $13 due at, $14 escalations,
-- $15 closed at, $16 resolved, $17 satisfaction, $18 descriptions, $19 signed at, $20 senders, $21 send-backs,
-- $22 reopened, $23 followed up at. Each case with its one report, by its source, at its time.
WITH ins AS (
INSERT INTO cases (id, code, category, kind, source, geom, grid_id, community_id, township_id, level, state,
                   reported_at, due_at, escalations, closed_at, resolved, satisfaction, description, signed_at, sender, send_backs,
                   reopened, followed_up_at)
OVERRIDING SYSTEM VALUE
SELECT c.id, case_code(c.id, c.reported_at), c.category, c.kind, c.source, ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4326),
       c.grid_id, c.community_id, c.township_id, c.level, c.state, c.reported_at, c.due_at, c.escalations, c.closed_at,
       c.resolved, c.satisfaction, c.description, c.signed_at, c.sender, c.send_backs, c.reopened, c.followed_up_at
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::bigint[], $8::int[], $9::int[],
            $10::text[], $11::text[], $12::timestamptz[], $13::timestamptz[], $14::int[], $15::timestamptz[], $16::bool[],
            $17::text[], $18::text[], $19::timestamptz[], $20::text[], $21::int[], $22::int[], $23::timestamptz[])
  AS c (id, category, kind, source, lon, lat, grid_id, community_id, township_id, level, state,
        reported_at, due_at, escalations, closed_at, resolved, satisfaction, description, signed_at, sender, send_backs,
        reopened, followed_up_at)
RETURNING id, source, reported_at
)
INSERT INTO case_reports (case_id, channel, reported_at) SELECT id, source, reported_at FROM ins ORDER BY id
