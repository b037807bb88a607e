import type { CaseSummary } from '../contract/cases'
import { byTimeLeft } from './inbox'
import { DEFAULT_LIMITS, type TimeLimits } from './timeLimits'

/** A holder's time to sign for an urgent case, in hours (unscaled): the limits give fire, gas, electricity and flood one hour. */
const URGENT_SIGN_HOURS = 1

/** How close to its time limit an open case is "nearly due" on a duty leader's first screen, in hours. */
export const SOON_HOURS = 4

/** Why a case needs a duty leader now: it ran out of time, is about to, was moved up, or cannot wait by its kind. */
export type Attention = 'overdue' | 'due_soon' | 'escalated' | 'urgent'

/**
 * A hazard whose kind the time limits hold to an hour's sign-for at a grid (fire, gas, electricity, flood by
 * default): what cannot wait for the ordinary clocks, open or not.
 */
export function isUrgent(c: Pick<CaseSummary, 'category' | 'kind'>, limits: TimeLimits = DEFAULT_LIMITS): boolean {
  if (c.category !== 'hazard') return false
  const clocks = limits.kinds[c.kind as keyof TimeLimits['kinds']]?.grid
  return clocks !== undefined && clocks.sign <= URGENT_SIGN_HOURS
}

/** Why an open case needs attention at `now` (ms epoch), in the order above; none for a closed one or one that can wait. */
export function attentionOf(c: Pick<CaseSummary, 'state' | 'dueAt' | 'escalations' | 'category' | 'kind'>, now: number, soonHours = SOON_HOURS): Attention[] {
  if (c.state === 'closed') return []
  const left = c.dueAt === null ? Infinity : Date.parse(c.dueAt) - now
  const why: Attention[] = []
  if (left < 0) why.push('overdue')
  else if (left <= soonHours * 3_600_000) why.push('due_soon')
  if (c.escalations > 0) why.push('escalated')
  if (isUrgent(c)) why.push('urgent')
  return why
}

/** The open cases that need attention at `now`, the least time left first (the most overdue first): a duty leader's "what needs me now". */
export function needingAttention<C extends CaseSummary>(cases: Iterable<C>, now: number, soonHours = SOON_HOURS): C[] {
  return [...cases].filter((c) => attentionOf(c, now, soonHours).length > 0).sort(byTimeLeft)
}
