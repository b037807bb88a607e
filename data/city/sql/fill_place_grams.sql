-- Every place's character pairs, of its name and its aliases together: the rows a search probes by the
-- primary key (gram, place_id). gram_count is how many distinct pairs a place has. Run once, on places
-- that have no pairs yet.
WITH grams AS (
  INSERT INTO place_grams (gram, place_id)
  SELECT DISTINCT g.gram, p.id
  FROM places p, unnest(ARRAY[p.name] || p.aliases) AS t (text), place_grams_of(t.text) AS g (gram)
  RETURNING place_id
)
UPDATE places p SET gram_count = n.n
FROM (SELECT place_id, count(*)::int AS n FROM grams GROUP BY place_id) n
WHERE n.place_id = p.id
