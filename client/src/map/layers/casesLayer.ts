import { ScatterplotLayer } from '@deck.gl/layers'
import type { CaseSummary } from '../../../../contract'
import { isOverdue } from '../../live/liveState'
import { COLOR } from '../style/colors'
import { valuesOf } from './valuesOf'

/**
 * Open cases as points: amber a dispute, cyan a hazard, red once overdue (and larger); a case the
 * platform moved up wears a white ring, thicker the higher it went. Sizes in pixels, times the
 * display scale. `now` is the minute overdue is judged at. `pickable`: deck.gl can be asked which
 * case is at a point (the wall, from the console); a screen where a click means something else leaves
 * it off, since deck.gl then draws a picking pass and reads it back on every press of the mouse.
 */
export function casesLayer({ cases, now, scale, pickable }: { cases: ReadonlyMap<number, CaseSummary>; now: number; scale: number; pickable: boolean }) {
  return new ScatterplotLayer<CaseSummary>({
    id: 'cases',
    data: valuesOf(cases),
    getPosition: (c) => c.location,
    getFillColor: (c) => (isOverdue(c, now) ? COLOR.overdue : COLOR[c.category]),
    getLineColor: (c) => (c.escalations > 0 ? COLOR.escalated : COLOR.outline),
    getRadius: (c) => (isOverdue(c, now) ? 6 : 4.5),
    getLineWidth: (c) => (c.escalations > 0 ? 1.2 + c.escalations : 1),
    radiusUnits: 'pixels',
    radiusScale: scale,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    stroked: true,
    pickable,
    updateTriggers: { getFillColor: now, getRadius: now },
  })
}
