import { ScatterplotLayer } from '@deck.gl/layers'
import type { CaseSummary } from '../../../../contract'
import { DEFAULT_LIMITS } from '../../../../domain/timeLimits'
import { isOverdue } from '../../live/liveState'
import { COLOR } from '../style/colors'

/** The kinds the time limits give an hour to sign for (fire, gas, electricity, flood): a danger to life, found first on a map. */
const URGENT_KINDS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_LIMITS.kinds))

/** Whether a case is an urgent hazard (火·气·电·汛). */
export const isUrgent = (c: CaseSummary) => c.category === 'hazard' && URGENT_KINDS.has(c.kind)

/** Point radii in pixels at a 1080-line screen: a case stands well above a camera (1–4 px), an urgent or overdue one above the rest. */
export const CASE_RADIUS = { plain: 6, urgent: 7.5, overdue: 8 } as const

/** 0 a plain case, 1 urgent, 2 overdue: drawn in this order, so the case that matters most is on top where points crowd. */
const weight = (c: CaseSummary, now: number) => (isOverdue(c, now) ? 2 : isUrgent(c) ? 1 : 0)

const cache = new WeakMap<ReadonlyMap<number, CaseSummary>, { now: number; list: CaseSummary[] }>()

/** The open cases ordered by weight at `now`, the same array while the cases and `now` are the same. */
export function casesByWeight(cases: ReadonlyMap<number, CaseSummary>, now: number): CaseSummary[] {
  const hit = cache.get(cases)
  if (hit && hit.now === now) return hit.list
  const list = [...cases.values()].map((c) => ({ c, w: weight(c, now) })).sort((a, b) => a.w - b.w).map(({ c }) => c)
  cache.set(cases, { now, list })
  return list
}

/**
 * Open cases as points, the largest points on the map: amber a dispute, sky blue a hazard, red once
 * overdue; urgent and overdue ones larger and drawn last. A case the platform moved up wears a white
 * ring, thicker the higher it went. Sizes in pixels, times the display scale. `now` is the minute overdue
 * is judged at. `pickable`: deck.gl can be asked which case is at a point (the wall, from the console);
 * a screen where a click means something else leaves it off, since deck.gl then draws a picking pass and
 * reads it back on every press of the mouse.
 */
export function casesLayer({ cases, now, scale, pickable }: { cases: ReadonlyMap<number, CaseSummary>; now: number; scale: number; pickable: boolean }) {
  return new ScatterplotLayer<CaseSummary>({
    id: 'cases',
    data: casesByWeight(cases, now),
    getPosition: (c) => c.location,
    getFillColor: (c) => (isOverdue(c, now) ? COLOR.overdue : COLOR[c.category]),
    getLineColor: (c) => (c.escalations > 0 ? COLOR.escalated : COLOR.outline),
    getRadius: (c) => (isOverdue(c, now) ? CASE_RADIUS.overdue : isUrgent(c) ? CASE_RADIUS.urgent : CASE_RADIUS.plain),
    getLineWidth: (c) => (c.escalations > 0 ? 1.2 + c.escalations : 1.2),
    radiusUnits: 'pixels',
    radiusScale: scale,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    stroked: true,
    pickable,
    updateTriggers: { getFillColor: now, getRadius: now },
  })
}
