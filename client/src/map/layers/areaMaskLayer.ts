import { SolidPolygonLayer } from '@deck.gl/layers'
import type { AreaProfile } from '../../../../contract'
import { beneath } from './beneath'

type Ring = [number, number][]
/** Far enough round the city to cover any screen of it. */
const OUTSIDE: Ring = [[60, 0], [180, 0], [180, 80], [60, 80], [60, 0]]
const DIM: [number, number, number, number] = [2, 4, 8, 190]

/**
 * Everything but the area, dimmed: one polygon, the region round the city with the area's outer
 * rings as its holes, under the map's labels so names stay readable.
 */
export function areaMaskLayer({ area, beforeId }: { area: AreaProfile['geometry']; beforeId: string }) {
  const holes = area.coordinates.map((polygon) => polygon[0] as Ring)
  return new SolidPolygonLayer<Ring[]>({
    id: 'area-mask',
    data: [[OUTSIDE, ...holes]],
    ...beneath(beforeId),
    getPolygon: (rings) => rings,
    getFillColor: DIM,
  })
}
