-- Who read which case's parties, and when. $1 case id, $2 actor, $3 at.
INSERT INTO party_access_log (case_id, actor, at) VALUES ($1, $2, $3)
