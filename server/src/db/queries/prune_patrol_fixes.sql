-- Forgets patrol fixes older than the trail horizon, keeping each unit's latest so a quiet unit
-- still shows where it was last seen. $1 cutoff time. Uses patrol_fixes_at_idx.
WITH gone AS (
  DELETE FROM patrol_fixes f
  WHERE f.at < $1
    AND f.id <> (SELECT id FROM patrol_fixes l WHERE l.unit_id = f.unit_id ORDER BY l.at DESC, l.id DESC LIMIT 1)
  RETURNING 1
)
SELECT count(*)::int AS n FROM gone
