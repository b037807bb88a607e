-- $1 points spread uniformly over the province (seeded, the same every run), and the seats of its counties.
SELECT json_agg(json_build_array(ST_X(p.geom), ST_Y(p.geom))) AS points,
       (SELECT json_agg(json_build_array(ST_X(seat), ST_Y(seat)) ORDER BY code) FROM regions WHERE level = 'county') AS seats
FROM regions r, ST_Dump(ST_GeneratePoints(r.geom, $1, 21)) p
WHERE r.level = 'province'
