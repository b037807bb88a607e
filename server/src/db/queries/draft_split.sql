-- Grid $2 of draft $1 cut along the line $3 (GeoJSON LineString) with ST_Split: the parts, largest first,
-- snapped to 1e-6° (both halves round the cut's crossing points alike, so they share that edge vertex
-- for vertex), and the other grids of the draft whose edge a crossing point lies on, with that point
-- added to their edge (ST_Snap within 1e-6°: a rounded crossing lies within 0.71e-6° of the edge it
-- cut), so no neighbour keeps a straight edge past a vertex of the new halves. `cutShare` is the parts'
-- plane area as ST_Split cut them (before rounding) over the grid's: 1, unless a part was lost (on the
-- spheroid the halves' areas do not add up exactly: the cut's crossing points lie on the grid's edges as
-- drawn in degrees, off the geodesics between their ends). One row, always; `found` is false when the
-- draft has no valid grid $2.
WITH d AS (
  SELECT features FROM grid_drafts WHERE id = $1
), grid AS (
  SELECT g.n, g.geom FROM d, draft_grids(d.features) g WHERE g.code = $2 AND ST_IsValid(g.geom) ORDER BY g.n LIMIT 1
), cut AS (
  SELECT p.geom FROM grid, ST_Dump(ST_Split(grid.geom, ST_SetSRID(ST_GeomFromGeoJSON($3::text), 4326))) p WHERE ST_Dimension(p.geom) = 2
), part AS (
  SELECT ST_SnapToGrid(geom, 1e-6) AS geom FROM cut
), halves AS (
  SELECT ST_Collect(geom) AS geom FROM part
), neighbour AS (
  SELECT o.n, o.code, ST_Snap(o.geom, h.geom, 1e-6) AS geom, o.geom AS was
  FROM d, draft_grids(d.features) o, grid, halves h
  WHERE o.n <> grid.n AND o.geom && ST_Expand(grid.geom, 1e-5) AND ST_IsValid(o.geom)
)
SELECT (SELECT count(*)::int FROM part WHERE EXISTS (SELECT 1 FROM grid)) AS parts,
       (SELECT sum(ST_Area(geom)) FROM cut) / (SELECT ST_Area(geom) FROM grid) AS "cutShare",
       (SELECT coalesce(json_agg(json_build_object(
          'geometry', ST_AsGeoJSON(geom, 6)::json, 'areaM2', ST_Area(geom::geography), 'valid', ST_IsValid(geom)
        ) ORDER BY ST_Area(geom) DESC), '[]'::json) FROM part) AS halves,
       (SELECT coalesce(json_agg(json_build_object(
          'index', n - 1, 'code', code, 'geometry', ST_AsGeoJSON(geom, 6)::json, 'valid', ST_IsValid(geom)
        ) ORDER BY n), '[]'::json) FROM neighbour WHERE NOT ST_Equals(geom, was)) AS touched,
       (SELECT EXISTS (SELECT 1 FROM grid)) AS found
