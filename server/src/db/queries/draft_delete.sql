-- Discards an open draft; a published one is the record of its redraw and stays. $1 draft id.
DELETE FROM grid_drafts WHERE id = $1 AND status = 'open' RETURNING id
