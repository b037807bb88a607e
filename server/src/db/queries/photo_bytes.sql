-- One photo's JPEG, full size ($3 false) or its thumbnail ($3 true). $1 case id, $2 photo id.
SELECT CASE WHEN $3 THEN thumb ELSE image END AS jpeg FROM case_photos WHERE case_id = $1 AND id = $2
