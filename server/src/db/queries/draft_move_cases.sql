-- After a publish, every open case of community $1 points at the current grid covering its point: the
-- lowest code on a shared edge (as grid_at.sql), else the nearest of the community's grids (a point in a
-- sliver under the check's tolerance). A case whose grid keeps its code only follows it to the new
-- version. A case that lands in another grid is moved: its version raised, its assignment dropped (the
-- post was the old grid's), a `regrid` step by the platform in its history at $2 naming both grids and
-- draft $3. Closed cases keep the grid version they were closed in. Returns the moved cases with their
-- summaries. Uses grids_current_geom_idx.
WITH open_case AS (
  SELECT c.id, c.geom, c.grid_id, c.level, g.code AS from_code
  FROM cases c JOIN grids g ON g.id = c.grid_id
  WHERE c.community_id = $1 AND c.state <> 'closed'
  FOR UPDATE OF c
), target AS (
  SELECT o.id, o.level, o.from_code, t.id AS to_id, t.code AS to_code
  FROM open_case o
  JOIN grids t ON t.id = coalesce(
    (SELECT g.id FROM grids g WHERE g.community_id = $1 AND g.valid_to IS NULL AND ST_Covers(g.geom, o.geom) ORDER BY g.code LIMIT 1),
    (SELECT g.id FROM grids g WHERE g.community_id = $1 AND g.valid_to IS NULL ORDER BY g.geom <-> o.geom, g.code LIMIT 1))
  WHERE t.id <> o.grid_id
), moved AS (
  UPDATE cases c SET grid_id = t.to_id,
         version = c.version + CASE WHEN t.to_code <> t.from_code THEN 1 ELSE 0 END,
         assignee = CASE WHEN t.to_code <> t.from_code THEN NULL ELSE c.assignee END
  FROM target t
  WHERE c.id = t.id
  RETURNING c.*
), history AS (
  INSERT INTO case_history (case_id, step, actor_role, level, at, note)
  SELECT t.id, 'regrid', 'platform', t.level, $2, format('网格调整：由网格 %s 划入网格 %s（草稿 %s 发布）', t.from_code, t.to_code, $3::bigint)
  FROM target t WHERE t.to_code <> t.from_code
)
SELECT m.id AS "caseId", m.code AS "caseCode", t.from_code AS "from", t.to_code AS "to", case_json(m::cases) AS summary
FROM moved m JOIN target t ON t.id = m.id
WHERE t.to_code <> t.from_code
ORDER BY m.id
