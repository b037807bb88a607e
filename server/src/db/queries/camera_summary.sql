-- $1 camera id.
SELECT summary FROM camera_public WHERE id = $1
