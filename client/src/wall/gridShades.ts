import type { CaseSummary, GridCover } from '../../../contract'
import { isOverdue } from '../live/liveState'
import { COLOR, type Rgba, sameRgba, withAlpha } from '../map/style/colors'
import type { Theme } from './wallConfig'

/** Grid code → fill colour; a grid not in the map is not shaded. */
export type Shades = ReadonlyMap<string, Rgba>

/** Grids with open cases: amber deepening with their number, red when any is overdue. */
export function caseLoadShades(cases: Iterable<CaseSummary>, now: number): Shades {
  const load = new Map<string, { open: number; overdue: number }>()
  for (const c of cases) {
    const g = load.get(c.gridCode) ?? { open: 0, overdue: 0 }
    g.open++
    if (isOverdue(c, now)) g.overdue++
    load.set(c.gridCode, g)
  }
  return new Map([...load].map(([code, g]) => [
    code, g.overdue > 0 ? withAlpha(COLOR.overdue, 0.4 + 0.1 * g.overdue) : withAlpha(COLOR.dispute, 0.25 + 0.1 * g.open),
  ]))
}

/** Below this share of its camera cover still working, a grid counts as having lost cover. */
export const COVER_LOSS_SHOWN = 0.05

/** Grids whose cameras see less than they were built to: magenta deepening with the share lost. */
export function coverLossShades(covers: Iterable<GridCover>): Shades {
  const out = new Map<string, Rgba>()
  for (const c of covers) {
    const lost = coverLost(c)
    if (lost >= COVER_LOSS_SHOWN) out.set(c.gridCode, withAlpha(COLOR.cameraOffline, 0.25 + 0.6 * lost))
  }
  return out
}

/** The share of a grid's camera cover that is down now (0 for a grid no camera was built to see). */
export const coverLost = (c: GridCover) => (c.designedShare > 0 ? Math.max(0, 1 - c.workingShare / c.designedShare) : 0)

/** Grids a patrol was in during the last `hours`: lime (not the units' green), fading as the visit ages; the rest stay dark. */
export function patrolShades(visits: ReadonlyMap<string, number>, now: number, hours: number): Shades {
  const window = hours * 3_600_000
  const out = new Map<string, Rgba>()
  for (const [code, at] of visits) {
    const age = now - at
    if (age <= window) out.set(code, withAlpha(COLOR.patrolCover, 0.2 + 0.35 * (1 - Math.max(0, age) / window)))
  }
  return out
}

export function gridShades(theme: Theme, s: { cases: ReadonlyMap<number, CaseSummary>; covers: ReadonlyMap<string, GridCover>; visits: ReadonlyMap<string, number> }, now: number, patrolHours: number): Shades {
  switch (theme) {
    case 'cases': return caseLoadShades(s.cases.values(), now)
    case 'cameras': return coverLossShades(s.covers.values())
    case 'patrols': return patrolShades(s.visits, now, patrolHours)
  }
}

/** Whether two shadings colour every grid alike: then the one on screen need not be redrawn. */
export function sameShades(a: Shades, b: Shades): boolean {
  if (a === b) return true
  if (a.size !== b.size) return false
  for (const [code, colour] of a) {
    const other = b.get(code)
    if (!other || !sameRgba(other, colour)) return false
  }
  return true
}
