-- Open311 service requests (GeoReport v2 GET requests): reports of cases (case_reports), each with its case as
-- the stream carries it, the case's latest step and when it was taken, and the place as the reporter put it
-- (or the township and community it lies in). Newest first.
-- Either $1 report ids, which override every other filter (as the specification says), or the filters: $2 kinds
-- (NULL: all), $3 and $4 the earliest and latest report time, $5 statuses wanted, 'open' and/or 'closed' (NULL: both).
-- The caller's reach, as list_cases.sql: $6 the code prefix of their area, or $7 their department (the cases it
-- leads or was last routed to, or assists now). $8 the calling account: a case's description is given only to
-- the account that filed its first report, the one the description came with. $9 the most rows.
-- Ids use case_reports' primary key; a date range scans case_reports (no index on reported_at yet).
SELECT r.id::text AS id, p.summary, r.address, iso_utc(r.reported_at) AS "requestedAt",
       iso_utc(COALESCE(p.closed_at, h.at)) AS "updatedAt", h.step AS "lastStep",
       CASE WHEN r.account_id = $8::int
                 AND r.id = (SELECT min(f.id) FROM case_reports f WHERE f.case_id = r.case_id) THEN c.description END AS description,
       t.name AS township, com.name AS community
FROM case_reports r
JOIN case_public p ON p.id = r.case_id
JOIN cases c ON c.id = r.case_id
JOIN grids g ON g.id = p.grid_id
JOIN regions com ON com.id = p.community_id
JOIN regions t ON t.id = p.township_id
-- Uses case_history_case_idx (case_id, at, id).
CROSS JOIN LATERAL (SELECT x.step, x.at FROM case_history x WHERE x.case_id = r.case_id ORDER BY x.at DESC, x.id DESC LIMIT 1) h
WHERE CASE WHEN $1::bigint[] IS NOT NULL THEN r.id = ANY ($1::bigint[])
           ELSE ($2::text[] IS NULL OR p.kind = ANY ($2::text[]))
                AND r.reported_at >= $3::timestamptz AND r.reported_at <= $4::timestamptz
                AND ($5::text[] IS NULL OR (CASE WHEN p.state = 'closed' THEN 'closed' ELSE 'open' END) = ANY ($5::text[]))
      END
  AND (starts_with(g.code, $6::text) OR (p.summary->>'department') = $7::text
       OR EXISTS (SELECT 1 FROM case_routes x WHERE x.case_id = p.id AND x.ended_at IS NULL AND x.department = $7::text))
ORDER BY r.reported_at DESC, r.id DESC
LIMIT $9
