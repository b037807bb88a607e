-- A region's bounding box in lon/lat, [min lon, min lat, max lon, max lat], or no row for an unknown code.
SELECT json_build_array(ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)) AS bbox
FROM (SELECT ST_Envelope(geom)::box2d AS b FROM regions WHERE code = $1) r
