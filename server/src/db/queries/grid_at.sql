-- The current grid covering a point, with its chain of regions nearest first: community, township, county, and
-- the prefecture and province above where the store holds them. ST_Covers counts a point on the boundary
-- (ST_Contains would not); a point on an edge two grids share goes to the lower code, the same one every time.
-- The chain is found by code: a region's code begins with its parent's significant digits (020's rule), so a
-- grid's ancestors are its code's prefixes padded with zeros, read by the code's index; nearest first is highest
-- code first. One join instead of one per level: the lookup's planning, not its execution, is most of its time.
-- $1 lon, $2 lat. Uses grids_current_geom_idx.
SELECT g.code, g.name, g.kind, g.version, g.households, g.leaders,
       g.fulltime_workers AS "fulltimeWorkers", g.parttime_workers AS "parttimeWorkers",
       to_char(g.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "validFrom",
       json_agg(json_build_object('code', r.code, 'name', r.name, 'level', r.level, 'kind', r.kind) ORDER BY r.code DESC) AS regions
FROM (
  SELECT * FROM grids
  WHERE valid_to IS NULL AND ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))
  ORDER BY code
  LIMIT 1
) g
JOIN regions r ON r.code IN (left(g.code, 12), left(g.code, 9) || '000', left(g.code, 6) || '000000', left(g.code, 4) || '00000000',
                             left(g.code, 2) || '0000000000')
GROUP BY g.id, g.code, g.name, g.kind, g.version, g.households, g.leaders, g.fulltime_workers, g.parttime_workers, g.valid_from
