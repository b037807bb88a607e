-- The bare baseline of duplicate suggestions: the cases of a kind reported since a time whose points lie in
-- the box around a point, through cases_geom_idx, and nothing else (no metres on the sphere, no ticket or
-- caller, no summary). $1 kind, $2 lon, $3 lat, $4 since, $5 metres.
SELECT id FROM cases
WHERE kind = $1 AND reported_at >= $4 AND geom && ST_Expand(ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326), $5::float8 / 60000.0)
