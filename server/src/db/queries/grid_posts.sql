-- The posts of a current grid, leader first, then full-time and part-time workers. $1 grid code.
SELECT code FROM grid_worker_roster WHERE grid_code = $1 ORDER BY rank, post_no
