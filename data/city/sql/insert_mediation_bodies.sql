-- The mediation bodies. Arrays of equal length: $1 names, $2 kinds, $3 fields (NULL for a general committee),
-- $4 region ids, $5 lons, $6 lats, $7 the dispute kinds each takes (comma-joined: arrays of arrays must be
-- rectangular). Returns each body's id with its name, which is unique.
INSERT INTO mediation_bodies (name, kind, field, region_id, geom, dispute_kinds)
SELECT b.name, b.kind, b.field, b.region_id, ST_SetSRID(ST_MakePoint(b.lon, b.lat), 4326), string_to_array(b.kinds, ',')
FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::float8[], $6::float8[], $7::text[])
  AS b (name, kind, field, region_id, lon, lat, kinds)
RETURNING id, name
