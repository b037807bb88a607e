import type { CaseCategory, CaseLevel, DisputeKind, HazardKind } from '../contract/domain'

/**
 * How long each level has to act on a case before the platform moves it up (超时未办 → 上级督办).
 * `hours` per level, `urgentHours` at most for hazards that can hurt someone this week, and `scale`
 * dividing all of them (1 in real life; the simulator's speed in a compressed demo).
 */
export type TimeLimits = { hours: Record<CaseLevel, number>; urgentHours: number; scale: number }

/**
 * A grid gets three days, a community five, a township a week, the city platform fifteen: the 12345
 * hotline's usual working-day limits, in calendar hours. Fire, gas, electricity and flood: two days.
 */
export const DEFAULT_LIMITS: TimeLimits = {
  hours: { grid: 72, community: 120, township: 168, city: 360 },
  urgentHours: 48,
  scale: 1,
}

const URGENT: ReadonlySet<HazardKind | DisputeKind> = new Set(['fire', 'gas', 'electric', 'flood'])

export function limitHours(category: CaseCategory, kind: DisputeKind | HazardKind, level: CaseLevel, limits = DEFAULT_LIMITS): number {
  const hours = limits.hours[level]
  return (category === 'hazard' && URGENT.has(kind) ? Math.min(limits.urgentHours, hours) : hours) / limits.scale
}

/** The level above, where an overdue case goes; the city has none. */
export function levelAbove(level: CaseLevel): CaseLevel | null {
  return ({ grid: 'community', community: 'township', township: 'city', city: null } as const)[level]
}

/** `grid:72,community:120,township:168,city:360` → hours per level; every level must be named. */
export function parseLevelHours(spec: string): Record<CaseLevel, number> {
  const entries = spec.split(',').map((p) => p.trim().split(':'))
  const hours = Object.fromEntries(entries.map(([level, h]) => [level, Number(h)]))
  for (const level of ['grid', 'community', 'township', 'city'] as const) {
    if (!(hours[level]! > 0)) throw new Error(`LEVEL_LIMIT_HOURS: "${spec}" must give positive hours for grid, community, township and city`)
  }
  return hours as Record<CaseLevel, number>
}
