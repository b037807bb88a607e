-- The wall's and the drill-down's figures of cases, summed from case_figures() (the one definition the
-- figures, rankings and reports use, migration 014): disputes found today, this month and this year and
-- of those the ones resolved now; of the cases closed this year, the shares resolved at grid level (of
-- the resolved), on time (never ran over a time limit) and satisfied (of those asked). A rate is NULL
-- when there is nothing to divide by. $1 now, $2 the area (NULL: the city; a township's or community's
-- code, or a grid's), $3–$8 the bounds of today, this month and this year (Beijing, domain/periods.ts).
WITH d AS (
  SELECT coalesce(sum(disputes), 0) AS found, coalesce(sum(resolved), 0) AS resolved FROM case_figures($3, $4, $1, $2)
), m AS (
  SELECT coalesce(sum(disputes), 0) AS found, coalesce(sum(resolved), 0) AS resolved FROM case_figures($5, $6, $1, $2)
), y AS (
  SELECT coalesce(sum(disputes), 0) AS found, coalesce(sum(resolved), 0) AS resolved, coalesce(sum(closed_in), 0) AS closed_in,
         coalesce(sum(on_time), 0) AS on_time, coalesce(sum(resolved_in), 0) AS resolved_in, coalesce(sum(resolved_at_grid), 0) AS at_grid,
         coalesce(sum(rated), 0) AS rated, coalesce(sum(satisfied), 0) AS satisfied
  FROM case_figures($7, $8, $1, $2)
)
SELECT json_build_object(
         'today', json_build_object('found', d.found, 'resolved', d.resolved, 'rate', d.resolved::float8 / nullif(d.found, 0)),
         'month', json_build_object('found', m.found, 'resolved', m.resolved, 'rate', m.resolved::float8 / nullif(m.found, 0)),
         'year', json_build_object('found', y.found, 'resolved', y.resolved, 'rate', y.resolved::float8 / nullif(y.found, 0))
       ) AS disputes,
       y.at_grid::float8 / nullif(y.resolved_in, 0) AS "gridLevelShare",
       y.on_time::float8 / nullif(y.closed_in, 0) AS "onTimeRate",
       y.satisfied::float8 / nullif(y.rated, 0) AS satisfaction
FROM d, m, y
