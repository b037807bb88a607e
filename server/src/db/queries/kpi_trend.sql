-- The last 30 Beijing days, oldest first and today last, with zeros for empty days, summed from
-- case_figures() over those days ($3 the first day's start, $4 tomorrow's): disputes found each day, and
-- of the cases closed each day those on time, those whose satisfaction was asked and those satisfied. $1
-- now, $2 the area (NULL: the city; a township's or community's code, or a grid's). Beijing is UTC+8
-- without DST: fixed-offset arithmetic, since PGlite has no time-zone names.
WITH f AS MATERIALIZED (
  SELECT * FROM case_figures($3, $4, $1, $2)
), days AS (
  SELECT (($1::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date - back AS day
  FROM generate_series(29, 0, -1) AS back
), found AS (
  SELECT ((f.reported_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, sum(f.disputes) AS n
  FROM f WHERE f.received = 1 GROUP BY 1
), closed AS (
  SELECT ((f.closed_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, sum(f.closed_in) AS n, sum(f.on_time) AS on_time,
         sum(f.rated) AS rated, sum(f.satisfied) AS satisfied
  FROM f WHERE f.closed_in = 1 GROUP BY 1
)
SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(fo.n, 0)::integer AS found, coalesce(cl.n, 0)::integer AS closed,
       coalesce(cl.on_time, 0)::integer AS "onTime", coalesce(cl.rated, 0)::integer AS rated, coalesce(cl.satisfied, 0)::integer AS satisfied
FROM days d
LEFT JOIN found fo ON fo.day = d.day
LEFT JOIN closed cl ON cl.day = d.day
ORDER BY d.day
