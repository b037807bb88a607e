-- Cameras online and in all, a row for every class even when it has none. Cameras have no region
-- column: a region's or a grid's are those whose point its boundary covers. $1 region code or current
-- grid code (NULL: every camera). Uses cameras_geom_idx for a region or a grid. Branches rather than
-- "$1 IS NULL OR ST_Covers(…)": the statement is prepared, and in its generic plan that OR rules the
-- index out and costs ST_Covers on every camera, enough to set off JIT compilation (about 10 ms a call).
SELECT k.class, coalesce(n.online, 0) AS online, coalesce(n.total, 0) AS total
FROM (VALUES ('A'), ('B'), ('C')) AS k (class)
LEFT JOIN (
  SELECT cam.class, count(*) FILTER (WHERE cam.state = 'online') AS online, count(*) AS total
  FROM (
    SELECT class, state FROM cameras WHERE $1::text IS NULL
    UNION ALL
    SELECT cam.class, cam.state FROM regions r JOIN cameras cam ON ST_Covers(r.geom, cam.geom) WHERE r.code = $1
    UNION ALL
    SELECT cam.class, cam.state FROM grids g JOIN cameras cam ON ST_Covers(g.geom, cam.geom) WHERE g.code = $1 AND g.valid_to IS NULL
  ) AS cam
  GROUP BY cam.class
) AS n ON n.class = k.class
