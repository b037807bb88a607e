-- The last 30 Beijing days, oldest first and today last, with zeros for empty days: disputes found
-- each day, cases closed each day and of those the ones on time (escalations = 0, as in
-- kpi_cases.sql) and the ones whose parties were satisfied or basically satisfied. $1 now, $2 region
-- code: cases whose township or community it is, or grid code: cases filed in any version of that grid
-- (NULL: the whole city). Beijing is UTC+8 without DST:
-- fixed-offset arithmetic, since PGlite has no time-zone names. Uses cases_reported_at_idx for the
-- disputes; closed cases are found by reading every case in scope (closed_at has no index). scoped
-- is NOT MATERIALIZED: read twice, it would otherwise copy every case in scope first.
WITH days AS (
  SELECT (($1::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date - back AS day
  FROM generate_series(29, 0, -1) AS back
), since AS (
  SELECT (min(day) - interval '8 hours') AT TIME ZONE 'UTC' AS t FROM days
), scoped AS NOT MATERIALIZED (
  SELECT c.* FROM cases c
  WHERE $2::text IS NULL OR (SELECT id FROM regions WHERE code = $2) IN (c.township_id, c.community_id)
     OR c.grid_id IN (SELECT id FROM grids WHERE code = $2)
), found AS (
  SELECT ((c.reported_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, count(*) AS n
  FROM scoped c, since
  WHERE c.category = 'dispute' AND c.reported_at >= since.t
  GROUP BY 1
), closed AS (
  SELECT ((c.closed_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, count(*) AS n,
         count(*) FILTER (WHERE c.escalations = 0) AS on_time,
         count(*) FILTER (WHERE c.satisfaction IN ('satisfied', 'basically_satisfied')) AS satisfied
  FROM scoped c, since
  WHERE c.closed_at >= since.t
  GROUP BY 1
)
SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(f.n, 0) AS found, coalesce(cl.n, 0) AS closed,
       coalesce(cl.on_time, 0) AS "onTime", coalesce(cl.satisfied, 0) AS satisfied
FROM days d
LEFT JOIN found f ON f.day = d.day
LEFT JOIN closed cl ON cl.day = d.day
ORDER BY d.day
