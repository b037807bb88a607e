import { GeoJsonLayer } from '@deck.gl/layers'
import type { GridCollection } from '../../../../contract'
import type { Shades } from '../../wall/gridShades'
import { beneath } from './beneath'
import { identity } from './identity'
import type { Rgba } from '../style/colors'

const NONE: Rgba = [0, 0, 0, 0]
type GridFeature = GridCollection['features'][number]

/**
 * The grids filled by a theme's shades, under the roads, lines and labels. The polygons are the same
 * object for the life of the screen, so they are cut into triangles once; a new `shades` only
 * recolours them.
 */
export function gridShadeLayer({ grids, shades, beforeId }: { grids: GridCollection; shades: Shades; beforeId: string }) {
  return new GeoJsonLayer<GridFeature['properties']>({
    id: 'grid-shade',
    data: grids as unknown as GeoJSON.FeatureCollection<GeoJSON.Geometry, GridFeature['properties']>,
    ...beneath(beforeId),
    filled: true,
    stroked: false,
    getFillColor: (f) => shades.get(f.properties.code) ?? NONE,
    updateTriggers: { getFillColor: identity(shades) },
  })
}
