-- A court's confirmation of a mediation's agreement (司法确认). $1 mediation id, $2 confirmed at.
UPDATE case_mediations SET confirmed_at = $2
WHERE id = $1
