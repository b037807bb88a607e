-- One draft with its grids, as the API sends it. $1 draft id.
SELECT json_build_object(
  'id', d.id, 'communityCode', d.community_code, 'status', d.status, 'createdBy', d.created_by,
  'createdAt', iso_utc(d.created_at), 'updatedAt', iso_utc(d.updated_at), 'version', d.version,
  'publishedAt', iso_utc(d.published_at), 'publishedBy', d.published_by, 'publishNote', d.publish_note,
  'grids', jsonb_array_length(d.features -> 'features'), 'features', d.features) AS draft
FROM grid_drafts d WHERE d.id = $1
