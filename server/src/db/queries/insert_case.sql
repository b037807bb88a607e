-- A new report, its id reserved and its grid and regions resolved from its point. $1 id, $2 code,
-- $3 category, $4 kind, $5 source, $6 lon, $7 lat, $8 grid id, $9 community id, $10 township id,
-- $11 reported at, $12 due at, $13 description.
INSERT INTO cases (id, code, category, kind, source, geom, grid_id, community_id, township_id, level, state,
                   reported_at, due_at, description)
OVERRIDING SYSTEM VALUE
VALUES ($1, $2, $3, $4, $5, ST_SetSRID(ST_MakePoint($6, $7), 4326), $8, $9, $10, 'grid', 'collected', $11, $12, $13)
