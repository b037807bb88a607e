-- Patrol units' fixes before the city's first start, with the grid each lies in, and every grid's last
-- visit from them. Arrays of equal length: $1 unit codes, $2 times, $3 lons, $4 lats, $5 speeds (m/s),
-- $6 headings, $7 grid codes (null outside the city).
WITH fixes AS (
  INSERT INTO patrol_fixes (unit_id, at, geom, speed_mps, heading, grid_code)
  SELECT u.id, f.at, ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326), f.speed, f.heading, f.grid_code
  FROM unnest($1::text[], $2::timestamptz[], $3::float8[], $4::float8[], $5::real[], $6::real[], $7::text[])
    AS f (code, at, lon, lat, speed, heading, grid_code)
  JOIN patrol_units u ON u.code = f.code
  RETURNING grid_code, at
)
INSERT INTO grid_patrol_visits (grid_code, last_at)
SELECT grid_code, max(at) FROM fixes WHERE grid_code IS NOT NULL GROUP BY grid_code
