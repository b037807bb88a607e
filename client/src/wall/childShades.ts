import type { CaseSummary } from '../../../contract'
import { codePrefix } from '../../../domain/access'
import type { PlaceLabel } from '../map/layers/placeLabelsLayer'
import { COLOR, withAlpha } from '../map/style/colors'
import type { Shades } from './gridShades'
import type { AreaChild } from '../map/mapArea'

/** A child's open cases, and how many of them are past their due time. */
export type ChildLoad = { open: number; overdue: number }

/**
 * Each child's open and overdue cases among `cases` (a case lies in the child its grid's code begins with);
 * every child is in the answer, with zeros when it has none.
 */
export function childLoads(cases: Iterable<CaseSummary>, children: readonly AreaChild[], isOverdue: (c: CaseSummary) => boolean): Map<string, ChildLoad> {
  const out = new Map(children.map((c) => [c.code, { open: 0, overdue: 0 }]))
  // Children of one parent are of one level: their codes' significant prefixes are of one length.
  const length = children[0] ? codePrefix(children[0].code).length : 0
  const byPrefix = new Map(children.map((c) => [codePrefix(c.code), out.get(c.code)!]))
  for (const c of cases) {
    const load = byPrefix.get(c.gridCode.slice(0, length))
    if (!load) continue
    load.open++
    if (isOverdue(c)) load.overdue++
  }
  return out
}

/**
 * The children with cases overdue now (当前超期): red, the colour of overdue, deepening with their count against
 * the most any child has; a child with none is not shaded. Relative, so a province's prefectures with hundreds
 * overdue and a county's townships with a few both read from across the room.
 */
export function overdueShades(loads: ReadonlyMap<string, ChildLoad>): Shades {
  const most = Math.max(0, ...[...loads.values()].map((l) => l.overdue))
  return new Map([...loads].filter(([, l]) => l.overdue > 0).map(([code, l]) => [code, withAlpha(COLOR.overdue, 0.15 + (0.4 * l.overdue) / most)]))
}

/** Each child's name where it is written, with its open and overdue cases beneath. */
export function childLabels(children: readonly AreaChild[], loads: ReadonlyMap<string, ChildLoad>): PlaceLabel[] {
  return children.map((c) => {
    const load = loads.get(c.code) ?? { open: 0, overdue: 0 }
    return { name: `${c.name}\n在办 ${load.open} · 超期 ${load.overdue}`, at: c.at }
  })
}
