-- Each region's households are the sum of the current grids under it: those whose code begins with its
-- significant digits, at every level at once.
WITH sums AS (
  SELECT left(g.code, d.n) AS prefix, sum(g.households) AS h
  FROM grids g, (VALUES (2), (4), (6), (9), (12)) AS d (n)
  WHERE g.valid_to IS NULL
  GROUP BY 1
)
UPDATE regions r SET households = s.h FROM sums s WHERE s.prefix = region_prefix(r.code)
