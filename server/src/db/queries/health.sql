-- What /api/health reports besides the engine: PostGIS version, migration level, size of the city.
SELECT postgis_lib_version() AS postgis,
       (SELECT version FROM schema_migrations ORDER BY version DESC LIMIT 1) AS version,
       (SELECT name FROM schema_migrations ORDER BY version DESC LIMIT 1) AS name,
       (SELECT count(*) FROM regions) AS regions,
       (SELECT count(*) FROM grids WHERE valid_to IS NULL) AS grids
