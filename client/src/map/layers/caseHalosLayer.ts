import { ScatterplotLayer } from '@deck.gl/layers'
import type { CaseSummary } from '../../../../contract'
import { isOverdue } from '../../live/liveState'
import { COLOR, type Rgba, withAlpha } from '../style/colors'
import { casesByWeight, isUrgent } from './casesLayer'

/** An overdue case's halo: a red glow twice the point's size; an urgent hazard's a sky-blue one a little smaller. */
const HALO = {
  overdue: { radius: 17, fill: withAlpha(COLOR.overdue, 0.28), line: COLOR.overdue },
  urgent: { radius: 14, fill: withAlpha(COLOR.hazard, 0.22), line: COLOR.hazard },
} as const satisfies Record<string, { radius: number; fill: Rgba; line: Rgba }>

const cache = new WeakMap<CaseSummary[], CaseSummary[]>()
const marked = (cases: ReadonlyMap<number, CaseSummary>, now: number) => {
  const all = casesByWeight(cases, now)
  let list = cache.get(all)
  if (!list) cache.set(all, (list = all.filter((c) => isOverdue(c, now) || isUrgent(c))))
  return list
}

/**
 * A halo round every overdue case and every urgent hazard (火·气·电·汛), under the points: what an eye finds
 * first from across the room, even where a town's points crowd. Overdue wins over urgent.
 */
export function caseHalosLayer({ cases, now, scale }: { cases: ReadonlyMap<number, CaseSummary>; now: number; scale: number }) {
  const halo = (c: CaseSummary) => (isOverdue(c, now) ? HALO.overdue : HALO.urgent)
  return new ScatterplotLayer<CaseSummary>({
    id: 'case-halos',
    data: marked(cases, now),
    getPosition: (c) => c.location,
    getRadius: (c) => halo(c).radius,
    getFillColor: (c) => halo(c).fill,
    getLineColor: (c) => halo(c).line,
    getLineWidth: 2.5,
    radiusUnits: 'pixels',
    radiusScale: scale,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    stroked: true,
    updateTriggers: { getRadius: now, getFillColor: now, getLineColor: now },
  })
}
