-- The baseline of a point lookup: the ids of the current grids meeting point $1, $2, over the same index, with
-- nothing joined, ordered or built.
SELECT id FROM grids WHERE valid_to IS NULL AND ST_Intersects(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))
