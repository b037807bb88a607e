-- Sums of case_figures() (the one definition of every figure) for one period [$1, $2) seen at $3, of the
-- area $4 (NULL: the city), for the whole area and split by channel, kind, the level that closed or holds
-- a case, and the areas one level down ($5: 'township', 'community' or 'grid'; NULL for none).
-- `dim` says which split a row belongs to, `key` its value.
WITH f AS (
  SELECT cf.*, CASE $5::text WHEN 'township' THEN t.code WHEN 'community' THEN com.code WHEN 'grid' THEN cf.grid_code END AS child
  FROM case_figures($1, $2, $3, $4) cf
  JOIN regions t ON t.id = cf.township_id
  JOIN regions com ON com.id = cf.community_id
)
SELECT CASE WHEN grouping(f.channel) = 0 THEN 'channel' WHEN grouping(f.kind) = 0 THEN 'kind' WHEN grouping(f.level) = 0 THEN 'level'
            WHEN grouping(f.child) = 0 THEN 'area' ELSE 'total' END AS dim,
       coalesce(f.channel, f.kind, f.level, f.child) AS key,
       min(f.category) AS category,
       coalesce(sum(f.received), 0)::integer AS received, coalesce(sum(f.disputes), 0)::integer AS disputes, coalesce(sum(f.closed), 0)::integer AS closed,
       coalesce(sum(f.resolved), 0)::integer AS resolved, coalesce(sum(f.closed_in), 0)::integer AS "closedInPeriod", coalesce(sum(f.on_time), 0)::integer AS "onTime",
       coalesce(sum(f.resolved_in), 0)::integer AS "resolvedInPeriod", coalesce(sum(f.resolved_at_grid), 0)::integer AS "resolvedAtGrid",
       coalesce(sum(f.rated), 0)::integer AS rated, coalesce(sum(f.satisfied), 0)::integer AS satisfied, coalesce(sum(f.ran_over), 0)::integer AS "ranOver",
       coalesce(sum(f.send_backs), 0)::integer AS "sendBacks", coalesce(sum(f.reopened), 0)::integer AS reopened
FROM f
GROUP BY GROUPING SETS ((), (f.channel), (f.category, f.kind), (f.level), (f.child))
