-- The province's area on the spheroid, km².
SELECT round(ST_Area(geom::geography) / 1e6)::int AS km2 FROM regions WHERE level = 'province'
