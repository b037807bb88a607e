-- One level of regions with their shapes, under parents already stored. Arrays of equal length: $1 codes,
-- $2 names, $3 levels, $4 kinds, $5 seat lons, $6 seat lats, $7 parents' codes (NULL for the province).
INSERT INTO regions (code, name, level, kind, parent_id, seat, geom)
SELECT r.code, r.name, r.level, r.kind, p.id, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), s.geom
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[])
  WITH ORDINALITY AS r (code, name, level, kind, lon, lat, parent, n)
JOIN province_shapes s ON s.code = r.code
LEFT JOIN regions p ON p.code = r.parent
ORDER BY r.n
