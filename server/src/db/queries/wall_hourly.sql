-- Reports received (受理) in each of the 24 clock hours up to and including the one $1 falls in, oldest
-- first, with zeros for empty hours, as case_figures() counts them (migration 014). $2 the first hour's
-- start, $3 the area (NULL: the city; a township's or community's code, or a grid's). Hours are whole
-- UTC hours, which are whole Beijing hours too (UTC+8).
WITH hours AS (
  SELECT $2::timestamptz + n * interval '1 hour' AS hour FROM generate_series(0, 23) AS n
), received AS (
  SELECT date_trunc('hour', f.reported_at) AS hour, sum(f.received) AS n
  FROM case_figures($2::timestamptz, $2::timestamptz + interval '24 hours', $1, $3) f
  WHERE f.received = 1
  GROUP BY 1
)
SELECT h.hour, coalesce(r.n, 0)::integer AS reports
FROM hours h LEFT JOIN received r ON r.hour = h.hour
ORDER BY h.hour
