-- A case's photos, oldest first, without their bytes. $1 case id.
SELECT id, case_id AS "caseId", width, height, octet_length(image) AS bytes,
       CASE WHEN taken_at IS NULL THEN NULL ELSE json_build_array(ST_X(taken_at), ST_Y(taken_at)) END AS "takenAt", iso_utc(added_at) AS "addedAt"
FROM case_photos WHERE case_id = $1 ORDER BY id
