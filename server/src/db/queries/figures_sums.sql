-- Sums of case_figures() (the one definition of every figure) for one period [$1, $2) seen at $3, of the
-- area $4 (NULL: the city), from one read of the period's cases: for the whole area and split by channel,
-- kind, the level that closed or holds a case, the units one level down ($5: 'prefecture', 'county', 'township',
-- 'community' or 'grid', a prefecture's and county's code by its townships' digits; NULL for none), and the department each case was routed to as lead (吹哨, the history's route
-- steps; a case routed to two departments in turn counts for each). `dim` says which split a row belongs to, `key` its value; rows in that order.
WITH f AS MATERIALIZED (
  SELECT cf.*, CASE $5::text WHEN 'prefecture' THEN rpad(left(t.code, 4), 12, '0') WHEN 'county' THEN rpad(left(t.code, 6), 12, '0')
                     WHEN 'township' THEN t.code WHEN 'community' THEN com.code WHEN 'grid' THEN cf.grid_code END AS child
  FROM case_figures($1, $2, $3, $4) cf
  JOIN regions t ON t.id = cf.township_id
  JOIN regions com ON com.id = cf.community_id
), split AS (
  SELECT CASE WHEN grouping(f.channel) = 0 THEN 'channel' WHEN grouping(f.kind) = 0 THEN 'kind' WHEN grouping(f.level) = 0 THEN 'level'
              WHEN grouping(f.child) = 0 THEN 'area' ELSE 'total' END AS dim,
         coalesce(f.channel, f.kind, f.level, f.child) AS key,
         min(f.category) AS category,
         sum(f.received) AS received, sum(f.disputes) AS disputes, sum(f.closed) AS closed, sum(f.resolved) AS resolved,
         sum(f.closed_in) AS closed_in, sum(f.on_time) AS on_time, sum(f.resolved_in) AS resolved_in, sum(f.resolved_at_grid) AS resolved_at_grid,
         sum(f.rated) AS rated, sum(f.satisfied) AS satisfied, sum(f.ran_over) AS ran_over, sum(f.send_backs) AS send_backs,
         sum(f.reopened) AS reopened
  FROM f
  GROUP BY GROUPING SETS ((), (f.channel), (f.category, f.kind), (f.level), (f.child))
), by_department AS (
  SELECT 'department' AS dim, r.department AS key, NULL::text AS category,
         sum(f.received) AS received, sum(f.disputes) AS disputes, sum(f.closed) AS closed, sum(f.resolved) AS resolved,
         sum(f.closed_in) AS closed_in, sum(f.on_time) AS on_time, sum(f.resolved_in) AS resolved_in, sum(f.resolved_at_grid) AS resolved_at_grid,
         sum(f.rated) AS rated, sum(f.satisfied) AS satisfied, sum(f.ran_over) AS ran_over, sum(f.send_backs) AS send_backs,
         sum(f.reopened) AS reopened
  FROM f
  CROSS JOIN LATERAL (SELECT DISTINCT h.department FROM case_history h WHERE h.case_id = f.case_id AND h.step = 'route') r
  GROUP BY r.department
)
SELECT s.dim, s.key, s.category,
       coalesce(s.received, 0)::integer AS received, coalesce(s.disputes, 0)::integer AS disputes, coalesce(s.closed, 0)::integer AS closed,
       coalesce(s.resolved, 0)::integer AS resolved, coalesce(s.closed_in, 0)::integer AS "closedInPeriod",
       coalesce(s.on_time, 0)::integer AS "onTime", coalesce(s.resolved_in, 0)::integer AS "resolvedInPeriod",
       coalesce(s.resolved_at_grid, 0)::integer AS "resolvedAtGrid", coalesce(s.rated, 0)::integer AS rated,
       coalesce(s.satisfied, 0)::integer AS satisfied, coalesce(s.ran_over, 0)::integer AS "ranOver",
       coalesce(s.send_backs, 0)::integer AS "sendBacks", coalesce(s.reopened, 0)::integer AS reopened
FROM (SELECT * FROM split UNION ALL SELECT * FROM by_department) s
ORDER BY s.dim, s.key
