-- Every grid code community $1 has ever had, closed versions too: a new grid's code must be none of them.
SELECT DISTINCT g.code FROM grids g JOIN regions c ON c.id = g.community_id WHERE c.code = $1
