-- The township a patrol unit belongs to ($1 its id), to hold a caller to their scope.
SELECT township_code AS "townshipCode" FROM patrol_unit_public WHERE id = $1
