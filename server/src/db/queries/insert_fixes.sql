-- A patrol unit's batch of fixes. $1 unit id; arrays of equal length: $2 times, $3 lons, $4 lats, $5 speeds, $6 headings.
INSERT INTO patrol_fixes (unit_id, at, geom, speed_mps, heading)
SELECT $1, f.at, ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326), f.speed, f.heading
FROM unnest($2::timestamptz[], $3::float8[], $4::float8[], $5::real[], $6::real[]) AS f (at, lon, lat, speed, heading)
