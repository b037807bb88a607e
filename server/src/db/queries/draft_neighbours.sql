-- The pairs of draft $1's grids that share an edge, by the rule draft_merge.sql merges on (their
-- boundaries meet along a line, not at a point: ST_Relate's boundary/boundary cell is 1), each pair once
-- in code order, with the version they were read at. Invalid grids take no part, as in a merge; the
-- bounding boxes first, so only grids that meet are related. One row; none for an unknown draft.
WITH d AS (
  SELECT version, features FROM grid_drafts WHERE id = $1
), grid AS (
  SELECT g.code, g.geom FROM d, draft_grids(d.features) g WHERE ST_IsValid(g.geom)
)
SELECT d.version,
       (SELECT coalesce(json_agg(json_build_array(a.code, b.code) ORDER BY a.code, b.code), '[]'::json)
        FROM grid a JOIN grid b ON a.code < b.code AND a.geom && b.geom AND ST_Relate(a.geom, b.geom, '****1****')) AS pairs
FROM d
