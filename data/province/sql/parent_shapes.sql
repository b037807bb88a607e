-- The regions one level up as the unions of their children's shapes: each child's code begins with its
-- parent's $1 significant digits; the children's codes have $2. The union of shapes that share their edges
-- vertex for vertex adds no vertex, so a parent's boundary is made of its children's.
INSERT INTO province_shapes (code, digits, geom)
SELECT rpad(left(code, $1), 12, '0'), $1, ST_Multi(ST_Union(geom))
FROM province_shapes WHERE digits = $2
GROUP BY left(code, $1)
