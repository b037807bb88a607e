-- What the grid rules decide a draft on (domain/gridRules.ts), read in one statement so it is all of one
-- version of the draft: each grid's code, kind and households; the community's retired codes (grids it
-- had whose every version is closed: never handed out again); its validity, with where it fails and a
-- repair; every overlapping pair of grids; the gaps the grids leave in their community; what of each
-- grid lies outside it; and the areas the rules cross-check these against. One row, always.
-- $1 draft id, $2 the tolerance in m²: smaller overlaps and gaps are left out of the lists (still counted
-- in the totals).
--
-- Every overlay names the store's precision (gridSize 1e-6, snap-rounding). Besides keeping results on
-- the grid the store keeps, that is what makes this safe on PGlite: a floating-point overlay that meets
-- near-coincident edges raises a GEOS TopologyException internally, which PostgreSQL reports but PGlite's
-- build loses, answering the whole statement with no rows at all. Snap-rounding never raises on valid
-- input, so invalid grids enter the overlays as repaired (ST_MakeValid), never as drawn; and the caller
-- treats a missing row as a failure, never as "nothing found". Snap-rounding also closes slivers thinner
-- than the grid, such as a split's new vertex rounded a hair off a neighbour's edge.
WITH d AS (
  SELECT community_code, version, features FROM grid_drafts WHERE id = $1
), community AS (
  SELECT r.geom FROM regions r JOIN d ON r.code = d.community_code
), drawn AS (
  SELECT g.n, g.code, g.kind, g.households, g.geom, ST_IsValidDetail(g.geom) AS v FROM d, draft_grids(d.features) g
), grid AS (
  SELECT n, code, kind, households, geom, (v).valid, (v).reason, (v).location,
         CASE WHEN (v).valid THEN geom ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(geom, 'method=structure'), 3)) END AS g
  FROM drawn
), repaired AS (
  SELECT n, ST_SnapToGrid(g, 1e-6) AS geom FROM grid WHERE NOT valid
), union_of AS (
  SELECT ST_Union(g, 1e-6) AS geom, coalesce(sum(ST_Area(g::geography)), 0) AS sum_m2 FROM grid WHERE NOT ST_IsEmpty(g)
), pair AS MATERIALIZED (
  -- Materialized, so each pair's overlay runs once and only for pairs that touch (the bounding boxes
  -- first: ST_Intersects of every pair costs more than the overlays).
  SELECT a.code AS a, b.code AS b, ST_CollectionExtract(ST_Intersection(a.g, b.g, 1e-6), 3) AS geom
  FROM grid a JOIN grid b ON a.n < b.n AND a.g && b.g AND ST_Intersects(a.g, b.g)
), overlap AS (
  SELECT a, b, geom, ST_Area(geom::geography) AS m2 FROM pair WHERE NOT ST_IsEmpty(geom)
), gap AS (
  SELECT p.geom, ST_Area(p.geom::geography) AS m2
  FROM community c, union_of u, ST_Dump(ST_Difference(c.geom, u.geom, 1e-6)) p
  WHERE ST_Dimension(p.geom) = 2
), outside AS (
  SELECT g.n, o.geom, ST_Area(o.geom::geography) AS m2
  FROM grid g, community c, LATERAL (SELECT ST_CollectionExtract(ST_Difference(g.g, c.geom, 1e-6), 3) AS geom) o
  WHERE NOT ST_IsEmpty(o.geom)
)
SELECT json_build_object(
  'communityCode', d.community_code,
  'version', d.version,
  'features', jsonb_array_length(d.features -> 'features'),
  'communityM2', ST_Area(c.geom::geography),
  'sumM2', u.sum_m2,
  'unionM2', coalesce(ST_Area(u.geom::geography), 0),
  'outsideUnionM2', coalesce(ST_Area(ST_CollectionExtract(ST_Difference(u.geom, c.geom, 1e-6), 3)::geography), 0),
  'overlapM2', (SELECT coalesce(sum(m2), 0) FROM overlap),
  'gapM2', (SELECT coalesce(sum(m2), 0) FROM gap),
  'retiredCodes', (SELECT coalesce(json_agg(DISTINCT old.code), '[]'::json)
    FROM grids old JOIN regions rc ON rc.id = old.community_id
    WHERE rc.code = d.community_code AND NOT EXISTS (SELECT 1 FROM grids cur WHERE cur.code = old.code AND cur.valid_to IS NULL)),
  'grids', (SELECT coalesce(json_agg(json_build_object(
      'index', g.n - 1, 'code', g.code, 'kind', g.kind, 'households', g.households, 'valid', g.valid, 'reason', g.reason,
      -- An invalid grid: where ST_IsValidDetail found the fault, or its first vertex when it names none
      -- (read off the drawing, which no overlay may be given). A valid grid: a point on its surface.
      'at', lonlat_json(CASE WHEN g.valid THEN ST_PointOnSurface(g.g)
                             ELSE coalesce(g.location, ST_PointN(ST_ExteriorRing(ST_GeometryN(g.geom, 1)), 1)) END),
      'repair', CASE WHEN r.geom IS NOT NULL AND NOT ST_IsEmpty(r.geom) AND ST_IsValid(r.geom) THEN ST_AsGeoJSON(r.geom, 6)::json END,
      'outsideM2', coalesce(o.m2, 0),
      'outsideAt', CASE WHEN o.m2 > $2 THEN lonlat_json(ST_PointOnSurface(o.geom)) END
    ) ORDER BY g.n), '[]'::json)
    FROM grid g
    LEFT JOIN repaired r ON r.n = g.n
    LEFT JOIN outside o ON o.n = g.n),
  'overlaps', (SELECT coalesce(json_agg(json_build_object(
      'codes', json_build_array(a, b), 'areaM2', m2, 'geometry', ST_AsGeoJSON(geom, 6)::json, 'at', lonlat_json(ST_PointOnSurface(geom))
    ) ORDER BY m2 DESC), '[]'::json) FROM overlap WHERE m2 > $2),
  'gaps', (SELECT coalesce(json_agg(json_build_object(
      'areaM2', m2, 'geometry', ST_AsGeoJSON(geom, 6)::json, 'at', lonlat_json(ST_PointOnSurface(geom))
    ) ORDER BY m2 DESC), '[]'::json) FROM gap WHERE m2 > $2)
) AS facts
FROM d, community c, union_of u
