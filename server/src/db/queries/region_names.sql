-- Every region's code, name, level and parent's code under $1 (a code prefix; '' the whole store), without its
-- shape: what a screen of a province names places and finds areas by (19,564 rows of a province, not their
-- boundaries). On regions_code_prefix_idx.
SELECT r.code, r.name, r.level, p.code AS "parentCode"
FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
WHERE r.code LIKE $1 || '%'
ORDER BY r.code
