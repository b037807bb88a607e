// The part of shpjs 6 (https://github.com/calvinmetcalf/shapefile-js, MIT) the import uses; it ships no types.
declare module 'shpjs' {
  import type { FeatureCollection, GeoJsonProperties, Geometry } from 'geojson'

  /** A .shp file's shapes, reprojected to WGS 84 when its .prj (WKT) is given. */
  export function parseShp(shp: ArrayBufferView | ArrayBuffer, prj?: string): Geometry[]
  /** A .dbf file's records, decoded by its .cpg (the code page) when given. */
  export function parseDbf(dbf: ArrayBufferView | ArrayBuffer, cpg?: string): GeoJsonProperties[]
  export function combine(parts: [Geometry[], GeoJsonProperties[]]): FeatureCollection
}
