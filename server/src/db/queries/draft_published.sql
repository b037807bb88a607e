-- Marks a draft published at $2 by $3 with why ($4, the 调整说明), its last version. $1 draft id.
UPDATE grid_drafts SET status = 'published', published_at = $2, published_by = $3, publish_note = $4, updated_at = $2, version = version + 1
WHERE id = $1 AND status = 'open'
RETURNING id
