-- A case's parties, for a duty leader who opened the case. $1 case id.
SELECT role, name, phone AS "phone", id_number AS "idNumber" FROM case_parties WHERE case_id = $1 ORDER BY id
