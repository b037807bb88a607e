-- The gazetteer's places, from the city as stored and the generated landmarks, in a fixed order (ids follow it):
-- townships and streets, within the city; communities and villages, within their township; each at a point
-- on its surface. One place per road name, at the middle of its longest stretch, within the township that
-- point is in (the lower code on a shared edge, as grid_at.sql; the city if none). Then the landmarks: arrays of equal length,
-- $1 names, $2 aliases joined by '|' ('' for none), $3 within ('新兴街道 · 春华社区'), $4 lons, $5 lats.
-- Returns how many places there are.
WITH regions_part AS (
  SELECT 1 AS part, r.id AS k, r.name, '{}'::text[] AS aliases,
         CASE WHEN r.level = 'township' THEN 'township' ELSE r.kind END AS kind, up.name AS within, ST_PointOnSurface(r.geom) AS geom
  FROM regions r JOIN regions up ON up.id = r.parent_id
  WHERE r.level IN ('township', 'community')
), stretches AS (
  SELECT r.id, r.name, d.geom, ST_Length(d.geom) AS length FROM roads r, ST_Dump(r.geom) d WHERE r.name IS NOT NULL
), roads_part AS (
  SELECT DISTINCT ON (s.name) 2 AS part, s.id AS k, s.name, ST_LineInterpolatePoint(s.geom, 0.5) AS geom
  FROM stretches s ORDER BY s.name, s.length DESC, s.id
), landmarks_part AS (
  SELECT 3 AS part, l.k::integer AS k, l.name, string_to_array(l.aliases, '|') AS aliases, l.within, ST_SetSRID(ST_MakePoint(l.lon, l.lat), 4326) AS geom
  FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[]) WITH ORDINALITY AS l (name, aliases, within, lon, lat, k)
), inserted AS (
  INSERT INTO places (name, aliases, kind, within, geom)
  SELECT name, aliases, kind, within, geom FROM (
    SELECT part, k, name, aliases, kind, within, geom FROM regions_part
    UNION ALL
    SELECT r.part, r.k, r.name, '{}'::text[], 'road',
           coalesce((SELECT t.name FROM regions t WHERE t.level = 'township' AND ST_Covers(t.geom, r.geom) ORDER BY t.code LIMIT 1),
                    (SELECT c.name FROM regions c WHERE c.parent_id IS NULL ORDER BY c.id LIMIT 1)),
           r.geom
    FROM roads_part r
    UNION ALL
    SELECT part, k, name, aliases, 'landmark', within, geom FROM landmarks_part
  ) p
  ORDER BY part, k
  RETURNING id
)
SELECT count(*)::int AS n FROM inserted
