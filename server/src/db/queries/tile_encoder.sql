-- Whether this PostGIS was built with protobuf, so ST_AsMVT can write tiles (the embedded engine's cannot).
SELECT postgis_full_version() LIKE '%PROTOBUF%' AS mvt
