-- The benchmark's baseline for places_search.sql: its candidates fetched the same way (the typed text's
-- character pairs probed in place_grams by its primary key), ranked by how many pairs they share and nothing
-- else, the first $2 read from places. What any search over this index must do; what it leaves out is the
-- scoring of each candidate's texts (Dice, holding, the township before a village) and the tie order.
-- $1 the text as typed, $2 how many places.
WITH shared AS (
  SELECT pg.place_id AS id, count(*) AS n
  FROM place_grams pg
  WHERE pg.gram = ANY (ARRAY(SELECT place_grams_of($1)))
  GROUP BY pg.place_id
  ORDER BY count(*) DESC, pg.place_id
  LIMIT $2
)
SELECT p.id, p.name, p.kind, p.within, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, s.n AS shared
FROM shared s JOIN places p ON p.id = s.id
ORDER BY s.n DESC, p.id
