-- The newest and oldest positions in the change log (0 and 0 when nothing is numbered yet).
SELECT coalesce(max(seq), 0) AS newest, coalesce(min(seq), 0) AS oldest FROM change_log
