-- The townships of the patrol units $1 (ids) that exist, to hold a caller to their scope.
SELECT id AS "unitId", township_code AS "townshipCode" FROM patrol_unit_public WHERE id = ANY($1::int[])
