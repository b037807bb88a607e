import type { CameraClass, CameraState, CameraView, CaseCategory, CaseLevel, CaseSource, CaseSummary, Change } from '../../../contract'

/**
 * One line of the wall's ticker: what happened, where, when. Built from public fields only (codes,
 * kinds, levels), so the ticker can carry nothing personal.
 */
export type TickerItem =
  | {
      seq: number
      at: string
      type: 'reported' | 'escalated' | 'closed'
      caseCode: string
      category: CaseCategory
      kind: string
      level: CaseLevel
      gridCode: string
      townshipCode: string
    }
  | { seq: number; at: string; type: 'camera'; cameraCode: string; cameraClass: CameraClass; state: CameraState; townshipCode: string | null }
  | { seq: number; at: string; type: 'answered'; caseCode: string; channel: CaseSource; event: 'answered' | 'closed'; townshipCode: string }

/**
 * The ticker lines a change makes, given what the screen knew before it: a new report, a case the
 * platform moved up a level, a case closed, an answer gone back to the channel it came by (回告), a camera going
 * down or coming back. Routine steps of the
 * loop and patrol fixes make none: they would drown the rest.
 */
export function tickerItemsOf(change: Change, before: CaseSummary | CameraView | undefined): TickerItem[] {
  const { seq, at } = change
  if (change.entity === 'case') {
    const c = change.data
    const prior = before as CaseSummary | undefined
    const type = change.op === 'insert' ? 'reported'
      : c.state === 'closed' ? 'closed'
      : prior && c.escalations > prior.escalations ? 'escalated'
      : null
    if (!type) return []
    return [{
      seq, at, type, caseCode: c.code, category: c.category, kind: c.kind, level: c.level, gridCode: c.gridCode, townshipCode: c.townshipCode,
    }]
  }
  if (change.entity === 'camera') {
    const cam = change.data
    const prior = before as CameraView | undefined
    if (prior?.state === cam.state) return []
    return [{ seq, at, type: 'camera', cameraCode: cam.code, cameraClass: cam.class, state: cam.state, townshipCode: cam.townshipCode }]
  }
  if (change.entity === 'answer') {
    const a = change.data
    return [{ seq, at, type: 'answered', caseCode: a.caseCode, channel: a.channel, event: a.event, townshipCode: a.townshipCode }]
  }
  return []
}
