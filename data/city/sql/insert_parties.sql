-- Arrays of equal length: $1 case ids, $2 roles, $3 names, $4 phones, $5 ID numbers.
INSERT INTO case_parties (case_id, role, name, phone, id_number)
SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])
