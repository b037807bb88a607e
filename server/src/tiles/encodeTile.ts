import { type Feature, fromVectorTileJs, GeoJSONWrapper } from '@maplibre/vt-pbf'
import type { Geometry, Position } from 'geojson'
import { TILE_EXTENT } from '../../../contract'

/** One feature as tile_features.sql gives it: its geometry in whole tile units (y down) and its properties. */
export type TileRow = { geometry: string; props: Record<string, string | number | boolean | null> }

type Tags = Record<string, string | number | boolean>
const xy = (p: Position): [number, number] => [p[0]!, p[1]!]

/** A geometry as the encoder takes it: a group of points, or lines and polygon rings each a group of its own. */
function featureOf(g: Geometry, tags: Tags): Feature | null {
  switch (g.type) {
    case 'Point': return { type: 1, geometry: [xy(g.coordinates)], tags }
    case 'MultiPoint': return { type: 1, geometry: g.coordinates.map(xy), tags }
    case 'LineString': return { type: 2, geometry: [g.coordinates.map(xy)], tags }
    case 'MultiLineString': return { type: 2, geometry: g.coordinates.map((line) => line.map(xy)), tags }
    case 'Polygon': return { type: 3, geometry: g.coordinates.map((ring) => ring.map(xy)), tags }
    case 'MultiPolygon': return { type: 3, geometry: g.coordinates.flat().map((ring) => ring.map(xy)), tags }
    case 'GeometryCollection': return null
  }
}

/**
 * A tile of one layer written as Mapbox Vector Tile 2.1 by MapLibre's encoder, from features already
 * clipped, scaled and wound in SQL (tile_coords): what ST_AsMVT writes on a PostGIS server. Null
 * properties are left out, as ST_AsMVT leaves them.
 */
export function encodeTile(layer: string, rows: readonly TileRow[]): Uint8Array {
  const features: Feature[] = []
  for (const row of rows) {
    const tags = Object.fromEntries(Object.entries(row.props).filter((e): e is [string, string | number | boolean] => e[1] !== null))
    const feature = featureOf(JSON.parse(row.geometry) as Geometry, tags)
    if (feature) features.push(feature)
  }
  // An empty tile is no bytes at all, as ST_AsMVT writes it (not a layer with no features).
  if (features.length === 0) return new Uint8Array(0)
  const wrapped = new GeoJSONWrapper(features, { version: 2, extent: TILE_EXTENT })
  wrapped.name = layer
  return fromVectorTileJs({ layers: { [layer]: wrapped } })
}
