-- The KPI figures of cases, from one read of the cases in scope: disputes found today, this month
-- and this year and how many of those are resolved now; of this year's resolved disputes the share
-- settled at the grid; of cases closed this year the shares on time and satisfied (satisfied or
-- basically satisfied, of those with a satisfaction). A rate is NULL when there is nothing to divide
-- by. $1 now, $2 region code: cases whose township or community it is, or grid code: cases filed in
-- any version of that grid (NULL: the whole city).
-- Days, months and years are Beijing's, UTC+8 without DST: fixed-offset arithmetic, since PGlite has
-- no time-zone names. Cases are compared with each period's bounds as timestamptz.
-- On time is escalations = 0: closing clears due_at, so "closed by its due time" cannot be read
-- back; a case a level lets run past its due time is moved up by the platform (escalations + 1), as is
-- one a duty leader moves up by hand, except at the city, which has no level above: a city case closed
-- late still counts as on time.
-- No index: one sequential read of cases (about 10,000 a year in the demo city). periods is
-- MATERIALIZED so that in the prepared statement's generic plan the bounds are worked out once, not
-- for every case (25 ms instead of 6 on the demo city).
WITH beijing AS (
  SELECT ($1::timestamptz AT TIME ZONE 'UTC') + interval '8 hours' AS now
), periods AS MATERIALIZED (
  SELECT (date_trunc('day', now) - interval '8 hours') AT TIME ZONE 'UTC' AS day_from,
         (date_trunc('day', now) + interval '1 day' - interval '8 hours') AT TIME ZONE 'UTC' AS day_to,
         (date_trunc('month', now) - interval '8 hours') AT TIME ZONE 'UTC' AS month_from,
         (date_trunc('month', now) + interval '1 month' - interval '8 hours') AT TIME ZONE 'UTC' AS month_to,
         (date_trunc('year', now) - interval '8 hours') AT TIME ZONE 'UTC' AS year_from,
         (date_trunc('year', now) + interval '1 year' - interval '8 hours') AT TIME ZONE 'UTC' AS year_to
  FROM beijing
), n AS (
  SELECT
    count(*) FILTER (WHERE c.category = 'dispute' AND c.reported_at >= day_from AND c.reported_at < day_to) AS day_found,
    count(*) FILTER (WHERE c.category = 'dispute' AND c.reported_at >= day_from AND c.reported_at < day_to AND c.resolved) AS day_resolved,
    count(*) FILTER (WHERE c.category = 'dispute' AND c.reported_at >= month_from AND c.reported_at < month_to) AS month_found,
    count(*) FILTER (WHERE c.category = 'dispute' AND c.reported_at >= month_from AND c.reported_at < month_to AND c.resolved) AS month_resolved,
    count(*) FILTER (WHERE c.category = 'dispute' AND c.reported_at >= year_from AND c.reported_at < year_to) AS year_found,
    count(*) FILTER (WHERE c.category = 'dispute' AND c.reported_at >= year_from AND c.reported_at < year_to AND c.resolved) AS year_resolved,
    count(*) FILTER (WHERE c.category = 'dispute' AND c.reported_at >= year_from AND c.reported_at < year_to AND c.resolved
                       AND c.level = 'grid') AS year_resolved_at_grid,
    count(*) FILTER (WHERE c.closed_at >= year_from AND c.closed_at < year_to) AS year_closed,
    count(*) FILTER (WHERE c.closed_at >= year_from AND c.closed_at < year_to AND c.escalations = 0) AS year_on_time,
    count(*) FILTER (WHERE c.closed_at >= year_from AND c.closed_at < year_to AND c.satisfaction IS NOT NULL) AS year_rated,
    count(*) FILTER (WHERE c.closed_at >= year_from AND c.closed_at < year_to
                       AND c.satisfaction IN ('satisfied', 'basically_satisfied')) AS year_satisfied
  FROM cases c, periods
  WHERE $2::text IS NULL OR (SELECT id FROM regions WHERE code = $2) IN (c.township_id, c.community_id)
     OR c.grid_id IN (SELECT id FROM grids WHERE code = $2)
)
SELECT json_build_object(
         'today', json_build_object('found', day_found, 'resolved', day_resolved, 'rate', day_resolved::float8 / nullif(day_found, 0)),
         'month', json_build_object('found', month_found, 'resolved', month_resolved, 'rate', month_resolved::float8 / nullif(month_found, 0)),
         'year', json_build_object('found', year_found, 'resolved', year_resolved, 'rate', year_resolved::float8 / nullif(year_found, 0))
       ) AS disputes,
       year_resolved_at_grid::float8 / nullif(year_resolved, 0) AS "gridLevelShare",
       year_on_time::float8 / nullif(year_closed, 0) AS "onTimeRate",
       year_satisfied::float8 / nullif(year_rated, 0) AS satisfaction
FROM n
