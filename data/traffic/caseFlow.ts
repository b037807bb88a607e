import type { CaseSummary, StepRequest } from '../../contract/cases'
import { DEPARTMENTS } from '../../contract/domain'
import { SATISFACTION } from '../city/caseMix'
import type { Rng } from '../city/rng'
import { nextSteps } from '../../domain/caseLoop'

/** Hours a step usually takes in the field, by the state it follows; the simulator draws around them. */
export const TYPICAL_HOURS: Record<CaseSummary['state'], number> = {
  collected: 2, verified: 6, handling: 10, reported_up: 8, routed: 16, fed_back: 4, closed: 0,
}

/**
 * What a grid worker or the level above would most likely do next with a case: most are handled
 * where they are, some reported up, departments summoned from the township; about 95 % end resolved.
 * Null when the case is closed.
 */
export function likelyStep(rng: Rng, c: Pick<CaseSummary, 'state' | 'level'>): StepRequest | null {
  const allowed = nextSteps(c.state, c.level, 'service')
  if (allowed.length === 0) return null
  const weights: Partial<Record<StepRequest['step'], number>> = {
    verify: 1, handle: c.state === 'handling' ? 1 : 10, report_up: c.level === 'grid' ? 1.2 : 0.6, route: 3, feed_back: 8, close: 10,
  }
  const choices = Object.fromEntries(allowed.map((s) => [s, weights[s] ?? 0]).filter(([, w]) => (w as number) > 0))
  const step = rng.weighted(choices as Record<StepRequest['step'], number>)
  if (step === 'route') return { step, department: rng.pick(DEPARTMENTS) }
  if (step === 'close') {
    const resolved = rng.chance(0.95)
    return { step, resolved, satisfaction: rng.weighted(resolved ? SATISFACTION.resolved : SATISFACTION.unresolved) }
  }
  return { step }
}
