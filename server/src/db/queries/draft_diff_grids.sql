-- The community's current grids beside draft $1's, matched by code: `added` (only in the draft), `removed`
-- (only in the store), `kept` (in both), with what of a kept grid changed. Its shape changed unless it is
-- the same point set: vertex for vertex (a grid loaded and saved back unchanged is, see draft_grids), or
-- ST_Equals for a ring the editor wrote from another vertex or the other way round (only on a valid
-- shape: relate must not meet an invalid one, see draft_check.sql). Uses grids_community_idx.
WITH d AS (
  SELECT community_code, features FROM grid_drafts WHERE id = $1
), cur AS (
  SELECT g.* FROM d JOIN regions c ON c.code = d.community_code JOIN grids g ON g.community_id = c.id AND g.valid_to IS NULL
), f AS (
  SELECT g.* FROM d, draft_grids(d.features) g
)
SELECT coalesce(f.code, cur.code) AS code, coalesce(f.name, cur.name) AS name, f.source_code AS "sourceCode",
       CASE WHEN cur.id IS NULL THEN 'added' WHEN f.n IS NULL THEN 'removed' ELSE 'kept' END AS action,
       coalesce(NOT (ST_OrderingEquals(f.geom, cur.geom) OR (ST_IsValid(f.geom) AND ST_Equals(f.geom, cur.geom))), false) AS geometry,
       array_remove(ARRAY[
         CASE WHEN f.name <> cur.name THEN 'name' END, CASE WHEN f.kind <> cur.kind THEN 'kind' END,
         CASE WHEN f.households <> cur.households THEN 'households' END, CASE WHEN f.leaders <> cur.leaders THEN 'leaders' END,
         CASE WHEN f.fulltime_workers <> cur.fulltime_workers THEN 'fulltimeWorkers' END,
         CASE WHEN f.parttime_workers <> cur.parttime_workers THEN 'parttimeWorkers' END
       ], NULL) AS attributes
FROM f FULL JOIN cur ON cur.code = f.code
ORDER BY 1, f.n
