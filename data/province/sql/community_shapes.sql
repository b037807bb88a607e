-- A community or village is the union of its grids' cells (a grid's code begins with its community's 12 digits).
INSERT INTO province_shapes (code, digits, geom)
SELECT left(code, 12), 12, ST_Multi(ST_Union(geom)) FROM province_cells GROUP BY left(code, 12)
