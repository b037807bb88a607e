import type { CameraClass, CameraState, CameraView, CaseCategory, CaseLevel, CaseSource, CaseSummary, Change } from '../../../contract'

/**
 * One line of the wall's ticker: what happened to a case, where, when. Built from public fields only
 * (codes, kinds, levels), so the ticker can carry nothing personal. `seq`: the change it came from;
 * null for a case running past its due time, which no change announces (the clock does).
 */
export type TickerItem =
  | {
      seq: number | null
      at: string
      type: 'reported' | 'escalated' | 'overdue' | 'closed'
      caseCode: string
      category: CaseCategory
      kind: string
      level: CaseLevel
      gridCode: string
      townshipCode: string
    }
  | { seq: number; at: string; type: 'answered'; caseCode: string; channel: CaseSource; event: 'answered' | 'closed'; gridCode: string; townshipCode: string }

/** A camera going down or coming back: not a ticker line (hundreds a day would drown the cases) but summed in the camera panel. */
export type CameraChange = { seq: number; at: string; state: CameraState; cameraClass: CameraClass; townshipCode: string | null }

/** How far back the camera panel sums the cameras' changes. */
export const CAMERA_WINDOW_MS = 10 * 60_000

/** A ticker item's identity, stable across renders. */
export const tickerKey = (item: TickerItem) => (item.seq !== null ? `s${item.seq}` : `o${item.caseCode}@${item.at}`)

/**
 * The ticker lines a change makes, given what the screen knew before it: a new report, a case the
 * platform moved up a level, a case closed, an answer gone back to the channel it came by (回告).
 * Routine steps of the loop, patrol fixes and cameras make none: they would drown the rest.
 */
export function tickerItemsOf(change: Change, before: CaseSummary | undefined): TickerItem[] {
  const { seq, at } = change
  if (change.entity === 'case') {
    const c = change.data
    const type = change.op === 'insert' ? 'reported'
      : c.state === 'closed' ? 'closed'
      : before && c.escalations > before.escalations ? 'escalated'
      : null
    if (!type) return []
    return [{
      seq, at, type, caseCode: c.code, category: c.category, kind: c.kind, level: c.level, gridCode: c.gridCode, townshipCode: c.townshipCode,
    }]
  }
  if (change.entity === 'answer') {
    const a = change.data
    return [{ seq, at, type: 'answered', caseCode: a.caseCode, channel: a.channel, event: a.event, gridCode: a.gridCode, townshipCode: a.townshipCode }]
  }
  return []
}

/** A camera's change of state, given what the screen knew of it before; null when its state stayed the same. */
export function cameraChangeOf(change: Extract<Change, { entity: 'camera' }>, before: CameraView | undefined): CameraChange | null {
  const cam = change.data
  if (before?.state === cam.state) return null
  return { seq: change.seq, at: change.at, state: cam.state, cameraClass: cam.class, townshipCode: cam.townshipCode }
}

/**
 * Open cases whose due time passed after `since` and by `now` (ms epoch): a line each, at its due time,
 * newest first. No change in the stream says a case ran over; the wall's clock does.
 */
export function overdueItems(cases: Iterable<CaseSummary>, since: number, now: number): TickerItem[] {
  const out: TickerItem[] = []
  for (const c of cases) {
    const due = c.dueAt === null ? NaN : Date.parse(c.dueAt)
    if (due > since && due <= now) {
      out.push({
        seq: null, at: c.dueAt!, type: 'overdue', caseCode: c.code, category: c.category, kind: c.kind, level: c.level,
        gridCode: c.gridCode, townshipCode: c.townshipCode,
      })
    }
  }
  return out.sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
}
