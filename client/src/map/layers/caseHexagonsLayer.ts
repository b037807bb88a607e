import { HexagonLayer } from '@deck.gl/aggregation-layers'
import type { CaseSummary } from '../../../../contract'
import { COLOR, type Rgba } from '../style/colors'
import { casesByWeight } from './casesLayer'

/** A hexagon's radius on screen in pixels at a 1080-line screen, at the whole zoom it was binned for (up to twice that before the next). */
export const HEXAGON_PX = 18

/** Ground metres per screen pixel at `zoom` (MapLibre's 512-pixel tiles) and `latitude`. */
const metresPerPixel = (zoom: number, latitude: number) => (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom)

/** The amber of case load (as the grids' 案件分布 shading), from dim to bright as a hexagon holds more open cases. */
export const HEXAGON_RAMP: Rgba[] = [0.4, 0.52, 0.64, 0.76, 0.88, 1].map((k) => [
  Math.round(COLOR.dispute[0] * k), Math.round(COLOR.dispute[1] * k), COLOR.dispute[2], 220,
])

/**
 * Open cases binned in hexagons, for an area too wide to show each case as a point (a province, a prefecture):
 * each hexagon coloured by how many it holds. Binned on the CPU (a few thousand points at most), at a radius of
 * `HEXAGON_PX` on screen at the frame's whole zoom, so the bins change as one zooms in a step, not every frame.
 * `latitude`: the area's, at which metres are turned into pixels. `now` is the step the cases are ordered at
 * (the same array, so no binning anew while nothing changed).
 */
export function caseHexagonsLayer({ cases, now, zoom, latitude, scale }: {
  cases: ReadonlyMap<number, CaseSummary>
  now: number
  zoom: number
  latitude: number
  scale: number
}) {
  return new HexagonLayer<CaseSummary>({
    id: 'case-hexagons',
    data: casesByWeight(cases, now),
    getPosition: (c) => c.location,
    radius: HEXAGON_PX * scale * metresPerPixel(Math.floor(zoom), latitude),
    coverage: 0.9,
    extruded: false,
    gpuAggregation: false,
    colorRange: HEXAGON_RAMP.map((c) => [...c]),
    pickable: true,
  })
}
