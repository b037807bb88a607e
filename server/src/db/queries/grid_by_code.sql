-- The current grid with a code. $1 grid code. Uses grids_current_code_idx.
SELECT code, name FROM grids WHERE code = $1 AND valid_to IS NULL
