-- The newest and oldest positions in the change log (0 and 0 when it is empty).
SELECT coalesce(max(seq), 0) AS newest, coalesce(min(seq), 0) AS oldest FROM change_log
