-- A photo of a case, re-encoded without its metadata; where the phone said it was taken as a point.
-- $1 case id, $2 account, $3 at, $4 width, $5 height, $6 lon, $7 lat (both NULL: it said nothing), $8 image, $9 thumbnail.
INSERT INTO case_photos (case_id, account_id, added_at, width, height, taken_at, image, thumb)
VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($6::float8, $7::float8), 4326) END, $8, $9)
RETURNING id, case_id AS "caseId", width, height, octet_length(image) AS bytes,
          CASE WHEN taken_at IS NULL THEN NULL ELSE json_build_array(ST_X(taken_at), ST_Y(taken_at)) END AS "takenAt", iso_utc(added_at) AS "addedAt"
