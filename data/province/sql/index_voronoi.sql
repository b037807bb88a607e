-- The diagram's cells found by the point inside each (built once the diagram is in: faster than row by row).
CREATE INDEX ON province_voronoi USING gist (geom)
