-- Grids, version 1, each the cell of its seed. Arrays of equal length: $1 cell numbers, $2 codes, $3 names,
-- $4 kinds, $5 households, $6 leaders, $7 full-time workers, $8 part-time workers, $9 community ids; $10 valid from.
INSERT INTO grids (code, name, kind, households, leaders, fulltime_workers, parttime_workers, community_id, geom, valid_from)
SELECT g.code, g.name, g.kind, g.households, g.leaders, g.fulltime, g.parttime, g.community_id, c.geom, $10
FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[])
  WITH ORDINALITY AS g (cell, code, name, kind, households, leaders, fulltime, parttime, community_id, n)
JOIN city_cells c ON c.i = g.cell
ORDER BY g.n
RETURNING id, code
