-- What a write said of itself beside its method and path, for whoever reads the log: a grid publish's
-- 调整说明, as the analyst gave it. NULL for the writes that say nothing more.
ALTER TABLE audit_log ADD COLUMN note text;
