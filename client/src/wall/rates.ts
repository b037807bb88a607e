/**
 * How the wall says a rate: against its target, which way it went, and not at all when too few cases stand
 * behind it. Pure, so the rules are tested apart from the screen.
 */

/** A "today" rate of fewer cases than this says more about chance than about work: shown as "—". */
export const MIN_CASES_FOR_RATE = 5

/**
 * The targets the centre is held to (考核目标), shares 0..1: a rate turns to the warning colour only below
 * its own. Cameras: 雪亮工程 asks 90 % of the points online; the case rates follow the county's assessment.
 */
export const TARGET = {
  gridLevelShare: 0.6,
  onTimeRate: 0.9,
  satisfaction: 0.9,
  disputesResolved: 0.9,
  camerasOnline: 0.9,
} as const
export type Target = keyof typeof TARGET

/** A share of `part` in `whole`, or null when `whole` is under `min` (nothing, or too few, to divide). */
export function rateOf(part: number, whole: number, min = 1): number | null {
  return whole >= Math.max(min, 1) ? part / whole : null
}

/** A "today" rate as shown: the rate, or null ("—") when it stands on fewer than MIN_CASES_FOR_RATE cases. */
export function todayRate(rate: number | null, cases: number): number | null {
  return cases < MIN_CASES_FOR_RATE ? null : rate
}

/** Whether a rate is past its threshold: below its target. An unknown rate is not. */
export function belowTarget(rate: number | null, target: Target): boolean {
  return rate !== null && rate < TARGET[target]
}

/** Which way a rate went from `before` (同比 or 环比): up, down or flat within half a percentage point; null when either is unknown. */
export type Direction = 'up' | 'down' | 'flat'
export function directionOf(now: number | null, before: number | null): Direction | null {
  if (now === null || before === null) return null
  const d = now - before
  return Math.abs(d) < 0.005 ? 'flat' : d > 0 ? 'up' : 'down'
}

export const ARROW: Record<Direction, string> = { up: '↑', down: '↓', flat: '→' }

/** A wait as the wall says it, e.g. `2天3小时`, `3小时12分`, `8分`; under a minute `刚刚`. */
export function waitText(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000)
  if (minutes < 1) return '刚刚'
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return `${days}天${hours > 0 ? `${hours}小时` : ''}`
  if (hours > 0) return `${hours}小时${minutes % 60 > 0 ? `${minutes % 60}分` : ''}`
  return `${minutes}分`
}
