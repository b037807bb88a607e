-- Arrays of equal length: $1 codes, $2 classes, $3 capture kinds, $4 sites, $5 lons, $6 lats, $7 bearings,
-- $8 fields of view, $9 ranges (m), $10 states, $11 state change times.
INSERT INTO cameras (code, class, capture, site, geom, bearing_deg, fov_deg, range_m, state, state_changed_at)
SELECT c.code, c.class, c.capture, c.site, ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4326), c.bearing, c.fov, c.range, c.state, c.changed
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::real[], $8::real[], $9::real[],
            $10::text[], $11::timestamptz[])
  AS c (code, class, capture, site, lon, lat, bearing, fov, range, state, changed)
