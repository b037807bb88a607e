-- Patrol units and the fix each starts from. Arrays of equal length: $1 codes, $2 kinds, $3 call signs,
-- $4 region ids, $5 lons, $6 lats; $7 time of the fix.
WITH units AS (
  INSERT INTO patrol_units (code, kind, call_sign, region_id)
  SELECT code, kind, call_sign, region_id
  FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS u (code, kind, call_sign, region_id)
  RETURNING id, code
)
INSERT INTO patrol_fixes (unit_id, at, geom)
SELECT units.id, $7, ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326)
FROM unnest($1::text[], $5::float8[], $6::float8[]) AS f (code, lon, lat)
JOIN units ON units.code = f.code
