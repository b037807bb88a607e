import { ScatterplotLayer } from '@deck.gl/layers'
import type { PatrolTrail } from '../../live/liveState'
import { COLOR } from '../style/colors'
import { valuesOf } from './valuesOf'

/** Where each patrol unit is now: its latest fix, green ringed in dark. */
export function patrolsLayer({ trails, scale }: { trails: ReadonlyMap<number, PatrolTrail>; scale: number }) {
  return new ScatterplotLayer<PatrolTrail>({
    id: 'patrols',
    data: valuesOf(trails),
    getPosition: (p) => p.fixes.at(-1)!.location,
    getFillColor: COLOR.patrol,
    getLineColor: COLOR.outline,
    getRadius: 4,
    radiusUnits: 'pixels',
    radiusScale: scale,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5 * scale,
  })
}
