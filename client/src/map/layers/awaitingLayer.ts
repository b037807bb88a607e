import { ScatterplotLayer } from '@deck.gl/layers'
import type { CaseSummary } from '../../../../contract'
import { COLOR } from '../style/colors'

const awaitingOf = new WeakMap<ReadonlyMap<number, CaseSummary>, CaseSummary[]>()

/** Whether a case waits on someone to take it: its level has not signed for it, or a department routed it has not reported (报到). */
export const isAwaiting = (c: CaseSummary) => c.state !== 'closed' && (c.signedAt === null || c.departments.some((d) => d.signedAt === null))

/**
 * A violet ring around every open case nobody has taken yet (待签收、部门未报到), outside the case's own
 * point, so a case left lying is seen as such from across the room. Drawn under the cases.
 */
export function awaitingLayer({ cases, scale }: { cases: ReadonlyMap<number, CaseSummary>; scale: number }) {
  return new ScatterplotLayer<CaseSummary>({
    id: 'cases-awaiting',
    // The same array while the cases are the same map, so the wall's every frame does not rebuild the layer.
    data: awaitingOf.get(cases) ?? (awaitingOf.set(cases, [...cases.values()].filter(isAwaiting)), awaitingOf.get(cases)!),
    getPosition: (c) => c.location,
    getLineColor: COLOR.awaiting,
    getRadius: 10,
    getLineWidth: 2,
    radiusUnits: 'pixels',
    radiusScale: scale,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    stroked: true,
    filled: false,
  })
}
