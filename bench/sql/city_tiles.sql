-- Every tile at zoom $1 that meets a current grid of the city, as z, x, y.
SELECT DISTINCT $1::int AS z, t.x, t.y
FROM grids g,
     LATERAL (SELECT floor((ST_XMin(b) + 180) / 360 * 2 ^ $1::int)::int AS x0, floor((ST_XMax(b) + 180) / 360 * 2 ^ $1::int)::int AS x1,
                     floor((1 - ln(tan(radians(ST_YMax(b))) + 1 / cos(radians(ST_YMax(b)))) / pi()) / 2 * 2 ^ $1::int)::int AS y0,
                     floor((1 - ln(tan(radians(ST_YMin(b))) + 1 / cos(radians(ST_YMin(b)))) / pi()) / 2 * 2 ^ $1::int)::int AS y1
              FROM (SELECT g.geom::box2d AS b) bb) r,
     LATERAL (SELECT x, y FROM generate_series(r.x0, r.x1) x, generate_series(r.y0, r.y1) y) t
WHERE g.valid_to IS NULL
  AND ST_Intersects(g.geom, ST_Transform(ST_TileEnvelope($1::int, t.x, t.y), 4326))
ORDER BY t.x, t.y
