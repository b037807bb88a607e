import type { CaseCategory, CaseLevel, DisputeKind, HazardKind } from '../../../contract/domain'

/**
 * Hours a level has to act on a case before the platform moves it up (超时未办 → 上级督办).
 * A grid gets three days, a community five, a township a week, the city platform fifteen:
 * the 12345 hotline's usual working-day limits, in calendar hours.
 */
export const LEVEL_LIMIT_HOURS: Record<CaseLevel, number> = { grid: 72, community: 120, township: 168, city: 360 }

/** Hazards that can hurt someone this week get two days at each level, not a week. */
const URGENT: ReadonlySet<HazardKind | DisputeKind> = new Set(['fire', 'gas', 'electric', 'flood'])

export function limitHours(category: CaseCategory, kind: DisputeKind | HazardKind, level: CaseLevel): number {
  return category === 'hazard' && URGENT.has(kind) ? Math.min(48, LEVEL_LIMIT_HOURS[level]) : LEVEL_LIMIT_HOURS[level]
}

/** The level above, where an overdue case goes; the city has none. */
export function levelAbove(level: CaseLevel): CaseLevel | null {
  return ({ grid: 'community', community: 'township', township: 'city', city: null } as const)[level]
}
