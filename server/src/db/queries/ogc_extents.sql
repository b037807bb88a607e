-- The extent of each OGC API collection (ogcRouter): its bounding box in CRS84 from the coordinates
-- (not the index's cached boxes, which are rounded outwards), rounded to 6 decimals as ST_AsGeoJSON
-- rounds the features, so the box is exactly that of the features as served; and for the grids the
-- earliest valid_from of a current grid. All NULL for an empty collection. $1 one collection id, NULL
-- for all three; a branch not asked for is never scanned.
SELECT 'grids' AS id, round(min(ST_XMin(geom))::numeric, 6) AS west, round(min(ST_YMin(geom))::numeric, 6) AS south,
       round(max(ST_XMax(geom))::numeric, 6) AS east, round(max(ST_YMax(geom))::numeric, 6) AS north,
       to_char(min(valid_from) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS valid_from
FROM grids WHERE valid_to IS NULL AND ($1::text IS NULL OR $1 = 'grids')
UNION ALL
SELECT 'regions', round(min(ST_XMin(geom))::numeric, 6), round(min(ST_YMin(geom))::numeric, 6),
       round(max(ST_XMax(geom))::numeric, 6), round(max(ST_YMax(geom))::numeric, 6), NULL
FROM regions WHERE $1 IS NULL OR $1 = 'regions'
UNION ALL
SELECT 'cameras', round(min(ST_XMin(geom))::numeric, 6), round(min(ST_YMin(geom))::numeric, 6),
       round(max(ST_XMax(geom))::numeric, 6), round(max(ST_YMax(geom))::numeric, 6), NULL
FROM cameras WHERE $1 IS NULL OR $1 = 'cameras'
