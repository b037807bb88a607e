-- Drafts without their grids, newest first, of one community ($1) and in one status ($2), each NULL for
-- any. Uses grid_drafts_community_idx.
SELECT json_build_object(
  'id', d.id, 'communityCode', d.community_code, 'status', d.status, 'createdBy', d.created_by,
  'createdAt', iso_utc(d.created_at), 'updatedAt', iso_utc(d.updated_at), 'version', d.version,
  'publishedAt', iso_utc(d.published_at), 'publishedBy', d.published_by, 'publishNote', d.publish_note,
  'grids', jsonb_array_length(d.features -> 'features')) AS summary
FROM grid_drafts d
WHERE ($1::text IS NULL OR d.community_code = $1) AND ($2::text IS NULL OR d.status = $2)
ORDER BY d.id DESC
LIMIT 200
