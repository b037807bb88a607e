-- The open draft of a community, if any. $1 community code. Uses grid_drafts_open_idx.
SELECT id FROM grid_drafts WHERE community_code = $1 AND status = 'open'
