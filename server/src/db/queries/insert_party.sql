-- $1 case id, $2 role, $3 name, $4 phone, $5 ID number.
INSERT INTO case_parties (case_id, role, name, phone, id_number) VALUES ($1, $2, $3, $4, $5)
