-- Every current grid's camera cover, once the cameras stand.
SELECT count(*)::int AS n FROM refresh_grid_cover(ARRAY(SELECT code FROM grids WHERE valid_to IS NULL))
