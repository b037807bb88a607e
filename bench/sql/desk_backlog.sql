-- A township's backlog for the desk bench: $1 open cases reported up to township $2 (its 12-digit code),
-- spread over its current grids, a third not yet signed for, due from 20 hours to a week from $3 (none
-- overdue, so the escalation clock leaves them where they are while the bench runs).
WITH t AS (SELECT id, code FROM regions WHERE code = $2),
grid AS (
  SELECT row_number() OVER (ORDER BY g.code) - 1 AS k, g.id, g.community_id, ST_PointOnSurface(g.geom) AS at
  FROM grids g JOIN regions com ON com.id = g.community_id JOIN t ON com.parent_id = t.id
  WHERE g.valid_to IS NULL
), n AS (SELECT count(*) AS grids FROM grid),
made AS (
  INSERT INTO cases (code, category, kind, source, geom, grid_id, community_id, township_id, level, state, reported_at, due_at,
                     description, signed_at, sender)
  SELECT 'BENCH' || lpad(i::text, 9, '0'), 'dispute', 'neighbour', 'hotline_12345', grid.at, grid.id, grid.community_id, t.id,
         'township', 'reported_up', $3::timestamptz - make_interval(hours => i % 48), $3::timestamptz + make_interval(hours => 20 + i % 148),
         '', CASE WHEN i % 3 = 0 THEN NULL ELSE $3::timestamptz END, 'community'
  FROM generate_series(1, $1::int) AS i, n, t, grid
  WHERE grid.k = i % n.grids
  RETURNING id
)
SELECT count(*)::int AS made FROM made
