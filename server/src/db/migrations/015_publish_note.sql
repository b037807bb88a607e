-- Why a community's grids were redrawn (调整说明), written by the analyst who publishes the draft and kept
-- with it as the record of the redraw. Drafts published before the editor asked for one have none. The API
-- takes 2 to 500 characters (UTF-16 units, so never more than 500 code points here).
ALTER TABLE grid_drafts ADD COLUMN publish_note text;
ALTER TABLE grid_drafts ADD CONSTRAINT grid_drafts_publish_note_check
  CHECK (publish_note IS NULL OR (status = 'published' AND char_length(publish_note) BETWEEN 1 AND 500));
