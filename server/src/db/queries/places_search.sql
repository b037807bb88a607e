-- The gazetteer's answer to what a seat types (地名地址搜索): $1 the text as typed, $2 how many places.
-- Returns id, name, kind, within, lon, lat and score in 0–1, best first.
--
-- A place is a candidate when it shares a character pair with the text: one probe of place_grams by its
-- primary key (gram, place_id) per pair of the text. Each candidate scores by its best text: its name, an
-- alias, or for a community or village its name after its township ('任民镇和平村': a township typed before
-- the village tells the eleven 和平村 apart). A text scores the Dice coefficient of character pairs,
-- 2·shared / (pairs typed + pairs of the text), where a text of n characters has n − 1 pairs; a text that
-- holds the whole typed text ('一中' in 安达一中), or that the typed text holds ('中华大街' in 中华大街12号),
-- goes half the way left to 1. So only a text equal to what was typed scores 1, and order among the rest is
-- kept. Ties: landmark, road, community, village, township, then name and within by code point (the
-- same order on both engines, whatever the database's collation). One character typed finds nothing (no
-- name is one character, so no place has a one-character pair): the box searches from the second.
-- A text shares the typed pairs it contains (a pair is two characters, so containing is sharing); one join
-- of texts and typed pairs, not a subquery a text, which cost PGlite ~0.08 ms each. typed and texts are
-- MATERIALIZED so each is computed once, not at every use.
WITH typed AS MATERIALIZED (
  SELECT place_text($1) AS t, ARRAY(SELECT place_grams_of($1)) AS grams
), candidates AS (
  SELECT DISTINCT pg.place_id AS id FROM place_grams pg
  WHERE pg.gram = ANY ((SELECT grams FROM typed)::text[])
), texts AS MATERIALIZED (
  -- A place's texts normalised in one place_text call, joined by chr(1) (neither space nor punctuation, so
  -- kept) and split again: the regular expression is most of a text's cost on PGlite (~0.04 ms a call).
  SELECT c.id, x.t
  FROM candidates c
  JOIN places p ON p.id = c.id
  CROSS JOIN LATERAL unnest(string_to_array(place_text(array_to_string(ARRAY[p.name] || p.aliases
    || CASE WHEN p.kind IN ('community', 'village') THEN ARRAY[split_part(p.within, ' · ', 1) || p.name] ELSE '{}'::text[] END,
    chr(1))), chr(1))) AS x (t)
), shared AS (
  SELECT x.id, x.t, count(*) AS n
  FROM texts x JOIN unnest((SELECT grams FROM typed)::text[]) AS g (gram) ON strpos(x.t, g.gram) > 0
  GROUP BY x.id, x.t
), scored AS (
  SELECT s.id, 2.0::float8 * s.n / (cardinality(typed.grams) + GREATEST(char_length(s.t) - 1, 1)) AS dice,
         strpos(s.t, typed.t) > 0 OR strpos(typed.t, s.t) > 0 AS holds
  FROM shared s, typed
), best AS (
  SELECT id, LEAST(1, max(CASE WHEN holds THEN (1 + dice) / 2 ELSE dice END)) AS score
  FROM scored GROUP BY id
)
SELECT p.id, p.name, p.kind, p.within, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, b.score
FROM best b JOIN places p ON p.id = b.id
ORDER BY b.score DESC, array_position(ARRAY['landmark', 'road', 'community', 'village', 'township'], p.kind), p.name COLLATE "C", p.within COLLATE "C", p.id
LIMIT $2
