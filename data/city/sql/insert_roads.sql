-- Roads clipped to the city, returned as clipped (GeoJSON) for patrols to walk. $1 kinds, $2 names,
-- $3 lines (GeoJSON); $4 the city's region id.
INSERT INTO roads (kind, name, geom)
SELECT r.kind, r.name, ST_Multi(ST_CollectionExtract(ST_Intersection(ST_SetSRID(ST_GeomFromGeoJSON(r.line), 4326), city.geom), 2))
FROM unnest($1::text[], $2::text[], $3::text[]) AS r (kind, name, line)
CROSS JOIN (SELECT geom FROM regions WHERE id = $4) city
WHERE ST_Intersects(ST_SetSRID(ST_GeomFromGeoJSON(r.line), 4326), city.geom)
RETURNING id, ST_AsGeoJSON(geom, 6)::json AS geometry
