-- The seed's working tables, gone at commit: the Voronoi diagram of every seed (ghosts beyond the border
-- too), each grid's cell by its code, and each region's shape by its code as the union of its children's.
CREATE TEMP TABLE province_voronoi (geom geometry(Polygon, 4326) NOT NULL) ON COMMIT DROP;
CREATE TEMP TABLE province_cells (code text PRIMARY KEY, geom geometry(MultiPolygon, 4326) NOT NULL) ON COMMIT DROP;
CREATE TEMP TABLE province_shapes (code text PRIMARY KEY, digits integer NOT NULL, geom geometry(MultiPolygon, 4326) NOT NULL) ON COMMIT DROP;
