-- One mediation body as a referral checks it: its name, the dispute kinds it takes and its region's code. $1 body id.
SELECT b.id, b.name, b.dispute_kinds AS "disputeKinds", r.code AS "areaCode", r.name AS "areaName"
FROM mediation_bodies b JOIN regions r ON r.id = b.region_id
WHERE b.id = $1
