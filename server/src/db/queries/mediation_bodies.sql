-- The mediation bodies serving an area: those whose region lies in it ($1, the area's code prefix: a
-- township's takes its communities'; NULL: every body), and those of the regions it lies in ($2, their
-- codes: a community's township, and the city, whose bodies serve every township). $3 true: the
-- specialised committees only. Ordered by region code: the city's first, then each township before its communities.
SELECT b.id, b.name, b.kind, b.field, r.code AS "areaCode", json_build_array(ST_X(b.geom), ST_Y(b.geom)) AS location,
       b.dispute_kinds AS "disputeKinds"
FROM mediation_bodies b JOIN regions r ON r.id = b.region_id
WHERE ($1::text IS NULL OR r.code LIKE $1::text || '%' OR r.code = ANY ($2::text[]))
  AND (NOT $3::boolean OR b.kind = 'specialised')
ORDER BY r.code, b.kind, b.name
