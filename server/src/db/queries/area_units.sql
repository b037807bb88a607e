-- The units of one level lying in an area, which figures are split by and rankings list (with no cases,
-- too): prefectures, counties, townships and streets, communities and villages, current grids, or departments (the city's
-- bureaus and the offices of the townships in the area). $1 the area's code prefix ('' for the city:
-- division codes nest, so what lies in an area is what its prefix begins), $2 the unit.
SELECT r.code, r.name
FROM regions r
WHERE $2::text IN ('prefecture', 'county', 'township', 'community') AND r.level = $2 AND starts_with(r.code, $1::text)
UNION ALL
SELECT g.code, g.name
FROM grids g
WHERE $2::text = 'grid' AND g.valid_to IS NULL AND starts_with(g.code, $1::text)
UNION ALL
SELECT d.name, d.name
FROM departments d
WHERE $2::text = 'department' AND (d.level = 'city' OR starts_with(d.township_code, $1::text))
ORDER BY 1
