-- The current grid covering a point, with its community, township and city. ST_Covers counts a point
-- on the boundary (ST_Contains would not); a point on an edge two grids share goes to the lower code,
-- the same one every time. $1 lon, $2 lat. Uses grids_current_geom_idx.
SELECT g.code, g.name, g.kind, g.version, g.households, g.leaders,
       g.fulltime_workers AS "fulltimeWorkers", g.parttime_workers AS "parttimeWorkers",
       to_char(g.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "validFrom",
       json_build_array(
         json_build_object('code', c.code, 'name', c.name, 'level', c.level, 'kind', c.kind),
         json_build_object('code', t.code, 'name', t.name, 'level', t.level, 'kind', t.kind),
         json_build_object('code', city.code, 'name', city.name, 'level', city.level, 'kind', city.kind)
       ) AS regions
FROM grids g
JOIN regions c ON c.id = g.community_id
JOIN regions t ON t.id = c.parent_id
JOIN regions city ON city.id = t.parent_id
WHERE g.valid_to IS NULL
  AND ST_Covers(g.geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))
ORDER BY g.code
LIMIT 1
