-- Grids, version 1, each its seed's cell, under the community its code begins with. Arrays of equal length:
-- $1 codes, $2 names, $3 kinds, $4 households, $5 leaders, $6 full-time workers, $7 part-time workers; $8 valid from.
INSERT INTO grids (code, name, kind, households, leaders, fulltime_workers, parttime_workers, community_id, geom, valid_from)
SELECT g.code, g.name, g.kind, g.households, g.leaders, g.fulltime, g.parttime, com.id, c.geom, $8
FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[])
  WITH ORDINALITY AS g (code, name, kind, households, leaders, fulltime, parttime, n)
JOIN province_cells c ON c.code = g.code
JOIN regions com ON com.code = left(g.code, 12)
ORDER BY g.n
