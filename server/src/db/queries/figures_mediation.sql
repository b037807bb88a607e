-- Sums of mediation_figures() (the one definition of the mediation figures) for one period [$1, $2) of
-- the area $3 (NULL: the city): in all, by body and by kind of mediation. `dim` says which.
SELECT CASE WHEN grouping(m.body_id) = 0 THEN 'body' WHEN grouping(m.kind) = 0 THEN 'kind' ELSE 'total' END AS dim,
       coalesce(m.body_id::text, m.kind) AS key,
       min(b.name) AS name, min(b.kind) AS "bodyKind",
       coalesce(sum(m.referred), 0)::integer AS referred, coalesce(sum(m.concluded), 0)::integer AS concluded, coalesce(sum(m.agreements), 0)::integer AS agreements,
       coalesce(sum(m.confirmed), 0)::integer AS confirmed, coalesce(sum(m.amount_yuan), 0)::float8 AS "amountYuan"
FROM mediation_figures($1, $2, $3) m
JOIN mediation_bodies b ON b.id = m.body_id
GROUP BY GROUPING SETS ((), (m.body_id), (m.kind))
ORDER BY 1, 2
