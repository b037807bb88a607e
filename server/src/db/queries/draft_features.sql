-- A draft's grids as stored. $1 draft id.
SELECT features FROM grid_drafts WHERE id = $1
