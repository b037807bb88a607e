-- The camera cover of the grids a publish gave new boundaries (codes $1), recomputed (migration 005) and
-- as the stream carries it.
SELECT cover_json(r) AS payload FROM refresh_grid_cover($1::text[]) r ORDER BY r.grid_code
