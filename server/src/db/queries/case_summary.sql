-- $1 case id.
SELECT summary FROM case_public WHERE id = $1
