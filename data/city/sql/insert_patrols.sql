-- Patrol units. Arrays of equal length: $1 codes, $2 kinds, $3 call signs, $4 region ids.
INSERT INTO patrol_units (code, kind, call_sign, region_id)
SELECT code, kind, call_sign, region_id
FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS u (code, kind, call_sign, region_id)
