-- A device gateway's batch of many units' fixes is one change (`patrols`), not one a unit: at province
-- rate a change a unit was 14,500 rows a second to log, number and read back.
ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check
  CHECK (entity IN ('region', 'grid', 'camera', 'patrol', 'patrols', 'case', 'cover', 'answer'));
