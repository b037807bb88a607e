-- $1 unit id.
SELECT id AS "unitId", code, kind, township_code AS "townshipCode" FROM patrol_unit_public WHERE id = $1
