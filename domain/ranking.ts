import type { Measures, RankedUnit } from '../contract/figures'

/**
 * The assessment score (考核得分) units are ranked by, 0–100: a weighted mean of on-time rate, share
 * resolved at grid level, satisfaction, and how rarely cases were sent back and reopened. The README's
 * "Rankings" says the same. Departments receive cases from above, so resolving at the grid is not theirs
 * to score; a measure with nothing to divide by drops out and the others carry its weight.
 */
export const SCORE_WEIGHTS = { onTime: 30, gridLevel: 20, satisfaction: 30, notSentBack: 10, notReopened: 10 } as const

/** Fewer cases closed in a period than this, and a rate says more about chance than about work: such a unit is listed, not ranked. */
export const MIN_CLOSED_TO_RANK = 5

const share = (part: number, whole: number) => (whole === 0 ? null : Math.min(1, part / whole))

/** A unit's score, or null when it closed too few cases in the period to be ranked. */
export function scoreOf(m: Measures, unit: RankedUnit): number | null {
  if (m.closedInPeriod < MIN_CLOSED_TO_RANK) return null
  const sentBack = share(m.sendBacks, m.received)
  const reopened = share(m.reopened, m.closedInPeriod)
  const parts: [number, number | null][] = [
    [SCORE_WEIGHTS.onTime, m.onTimeRate],
    [unit === 'department' ? 0 : SCORE_WEIGHTS.gridLevel, m.gridLevelShare],
    [SCORE_WEIGHTS.satisfaction, m.satisfaction],
    [SCORE_WEIGHTS.notSentBack, sentBack === null ? null : 1 - sentBack],
    [SCORE_WEIGHTS.notReopened, reopened === null ? null : 1 - reopened],
  ]
  const counted = parts.filter((p): p is [number, number] => p[1] !== null && p[0] > 0)
  const weight = counted.reduce((s, [w]) => s + w, 0)
  if (weight === 0) return null
  return Math.round((counted.reduce((s, [w, r]) => s + w * r, 0) / weight) * 1000) / 10
}

/**
 * Places by score, highest first (1, 2, 2, 4 when two tie); units without a score get no place and follow
 * the ranked ones, by name.
 */
export function placesOf<T extends { name: string; score: number | null }>(rows: readonly T[]): (T & { place: number | null })[] {
  const ranked = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score! || a.name.localeCompare(b.name, 'zh'))
  const unranked = rows.filter((r) => r.score === null).sort((a, b) => a.name.localeCompare(b.name, 'zh'))
  return [
    ...ranked.map((r) => ({ ...r, place: 1 + ranked.findIndex((x) => x.score === r.score) })),
    ...unranked.map((r) => ({ ...r, place: null })),
  ]
}
