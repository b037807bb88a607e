import type { CaseLevel, DisputeKind, HazardKind, Holder } from '../contract/domain'

/** A holder's two clocks, in hours: to sign for a case that arrives (签收, a department's 报到), then to handle it. */
export type Clocks = { sign: number; handle: number }

/**
 * How long each holder has before the platform moves a case up (超时未办 → 上级督办): `holders` per level
 * and for departments, `kinds` overriding them for a kind of case (fire, gas … at any holder), `scale`
 * dividing every one (1 in real life; the simulator's speed in a compressed demo), and `followUpDays`, the
 * window after closing in which a follow-up visit (回访) may be recorded. The store keeps them
 * (`time_limits`); these are its defaults.
 */
export type TimeLimits = {
  holders: Record<Holder, Clocks>
  kinds: Partial<Record<DisputeKind | HazardKind, Partial<Record<Holder, Clocks>>>>
  scale: number
  followUpDays: number
}

const URGENT: Clocks = { sign: 1, handle: 48 }

/**
 * A grid signs within 2 hours and has three days, a community 4 hours and five days, a township 8 hours
 * and a week, the city a day and fifteen days, a department a day and a week: the 12345 hotline's usual
 * limits in calendar hours. Fire, gas, electricity and flood: an hour to sign and two days at most.
 */
export const DEFAULT_LIMITS: TimeLimits = {
  holders: {
    grid: { sign: 2, handle: 72 }, community: { sign: 4, handle: 120 }, township: { sign: 8, handle: 168 }, city: { sign: 24, handle: 360 },
    department: { sign: 24, handle: 168 },
  },
  kinds: Object.fromEntries((['fire', 'gas', 'electric', 'flood'] as const).map((k) => [k, {
    grid: URGENT, community: URGENT, township: URGENT, city: URGENT, department: URGENT,
  }])),
  scale: 1,
  followUpDays: 15,
}

/** The clocks of `holder` for a case of this kind, in (scaled) hours. */
export function clocksOf(kind: DisputeKind | HazardKind, holder: Holder, limits = DEFAULT_LIMITS): Clocks {
  const c = limits.kinds[kind]?.[holder] ?? limits.holders[holder]
  return { sign: c.sign / limits.scale, handle: c.handle / limits.scale }
}

/** A row of the stored table: a holder's clocks for every kind (`kind` null) or for one. */
export type LimitRow = { holder: Holder; kind: DisputeKind | HazardKind | null; signHours: number; handleHours: number }

/** The limits a table of rows gives, with the process's `scale` and follow-up window; a holder without a row keeps the default. */
export function limitsFrom(rows: readonly LimitRow[], scale: number, followUpDays = DEFAULT_LIMITS.followUpDays): TimeLimits {
  const holders = { ...DEFAULT_LIMITS.holders }
  const kinds: TimeLimits['kinds'] = {}
  for (const r of rows) {
    const clocks = { sign: r.signHours, handle: r.handleHours }
    if (r.kind === null) holders[r.holder] = clocks
    else kinds[r.kind] = { ...kinds[r.kind], [r.holder]: clocks }
  }
  return { holders, kinds, scale, followUpDays }
}

/** The level above, where an overdue case goes; the city has none. */
export function levelAbove(level: CaseLevel): CaseLevel | null {
  return ({ grid: 'community', community: 'township', township: 'city', city: null } as const)[level]
}
