-- A patrol unit's batch of fixes and its change for the stream, in one statement (one transaction).
-- No row back means there is no such unit. $1 unit id; arrays of equal length, oldest first: $2 times,
-- $3 lons, $4 lats, $5 speeds (m/s), $6 headings; $7 now.
WITH unit AS (
  SELECT id, code, kind, township_code FROM patrol_unit_public WHERE id = $1
), fixes AS (
  SELECT f.n, f.at, f.lon, f.lat, f.speed, f.heading
  FROM unnest($2::timestamptz[], $3::float8[], $4::float8[], $5::real[], $6::real[]) WITH ORDINALITY AS f (at, lon, lat, speed, heading, n)
), ins AS (
  INSERT INTO patrol_fixes (unit_id, at, geom, speed_mps, heading)
  SELECT unit.id, f.at, ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326), f.speed, f.heading FROM unit, fixes f
), payload AS (
  SELECT unit.id, json_build_object('unitId', unit.id, 'code', unit.code, 'kind', unit.kind, 'townshipCode', unit.township_code,
           'fixes', (SELECT json_agg(json_build_object('at', iso_utc(f.at), 'location', json_build_array(f.lon, f.lat),
                                                       'speedMps', f.speed, 'heading', f.heading) ORDER BY f.n) FROM fixes f)) AS j
  FROM unit
), logged AS (
  INSERT INTO change_log (at, entity, entity_id, op, payload) SELECT $7, 'patrol', id::text, 'update', j::jsonb FROM payload
)
SELECT j AS payload FROM payload
