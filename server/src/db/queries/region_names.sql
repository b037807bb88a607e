-- Every region's code, name, level and parent's code under $1 (a code prefix; '' the whole store), without its
-- shape: what a screen of a province names places and finds areas by (19,564 rows of a province, not their
-- boundaries). With $2, also the current grids under it (a township's hundred or so; a province's 134,500 are not
-- for a list), their parent their community. On regions_code_prefix_idx and grids_code_prefix_idx.
SELECT r.code, r.name, r.level, p.code AS "parentCode"
FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
WHERE r.code LIKE $1 || '%'
UNION ALL
SELECT g.code, g.name, 'grid', c.code
FROM grids g JOIN regions c ON c.id = g.community_id
WHERE $2 AND g.valid_to IS NULL AND g.code LIKE $1 || '%'
ORDER BY code
