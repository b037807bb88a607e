-- Cases a new report may repeat: the same kind within $5 metres reported since $4, the same ticket of the
-- channel, or a report by the same phone; each with why and how far. $1 kind, $2 lon, $3 lat (all NULL when
-- no point yet), $4 since, $5 metres, $6 channel, $7 ticket, $8 phone, $9 how many at most.
-- Nearby ones are found through cases_geom_idx (a box around the point, then the metres on the sphere).
WITH here AS (
  SELECT ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326) AS g WHERE $2::float8 IS NOT NULL AND $1::text IS NOT NULL
), found AS (
  SELECT c.id, 'nearby' AS why
  FROM cases c, here h
  WHERE c.kind = $1 AND c.reported_at >= $4
    AND c.geom && ST_Expand(h.g, $5::float8 / 60000.0)
    AND ST_DWithin(c.geom::geography, h.g::geography, $5::float8)
  UNION ALL
  SELECT r.case_id, 'ticket' FROM case_reports r WHERE $7::text IS NOT NULL AND r.channel = $6 AND r.ticket = $7
  UNION ALL
  SELECT DISTINCT p.case_id, 'caller' FROM case_parties p WHERE $8::text IS NOT NULL AND p.phone = $8
), grouped AS (
  SELECT id, array_agg(DISTINCT why ORDER BY why) AS why FROM found GROUP BY id
)
SELECT p.summary, g.why,
       (SELECT round(ST_Distance(c.geom::geography, h.g::geography)) FROM cases c, here h WHERE c.id = g.id) AS metres
FROM grouped g JOIN case_public p ON p.id = g.id
ORDER BY ('ticket' = ANY (g.why)) DESC, ('caller' = ANY (g.why)) DESC, metres NULLS LAST, g.id DESC
LIMIT $9
