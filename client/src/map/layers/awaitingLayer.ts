import type { CaseSummary } from '../../../../contract'
import { COLOR } from '../style/colors'
import { ringsLayer } from './ringsLayer'

/** Whether a case waits on someone to take it: its level has not signed for it, or a department routed it has not reported (报到). */
export const isAwaiting = (c: CaseSummary) => c.state !== 'closed' && (c.signedAt === null || c.departments.some((d) => d.signedAt === null))

const awaitingOf = new WeakMap<ReadonlyMap<number, CaseSummary>, CaseSummary[]>()

/**
 * A violet ring around every open case nobody has taken yet (待签收、部门未报到), outside the case's own
 * point, so a case left lying is seen as such from across the room. Drawn under the cases.
 */
export function awaitingLayer({ cases, scale }: { cases: ReadonlyMap<number, CaseSummary>; scale: number }) {
  // The same array while the cases are the same map, so the wall's every frame does not rebuild the layer.
  let data = awaitingOf.get(cases)
  if (!data) awaitingOf.set(cases, (data = [...cases.values()].filter(isAwaiting)))
  return ringsLayer({ id: 'cases-awaiting', data, color: COLOR.awaiting, radius: 10, width: 2, scale })
}
