import type { Role } from '../contract/auth'
import type { CaseSummary } from '../contract/cases'
import { ActionRefused, type CaseFacts, recorded, type StepOutcome } from './caseLoop'
import { DEFAULT_LIMITS, type TimeLimits } from './timeLimits'
import { isUrgent } from './triage'

/**
 * An urgent hazard's alarm (fire, gas, electricity, flood: see `isUrgent`) stands on the wall until a seat of the
 * centre or a duty leader confirms it was received (确认收到). Once per case, and only while it is open.
 */

/** Why an acknowledgement was refused: the case is closed, is no urgent hazard, or was acknowledged already. */
export class AcknowledgementRefused extends ActionRefused {
  constructor(readonly why: 'closed' | 'not_urgent' | 'acknowledged', message: string) {
    super(message)
  }
}

/** Whether a case's alarm still waits to be confirmed: an open urgent hazard nobody has acknowledged. */
export function awaitsAcknowledgement(
  c: Pick<CaseSummary, 'state' | 'category' | 'kind' | 'acknowledgedAt'>, limits: TimeLimits = DEFAULT_LIMITS,
): boolean {
  return c.state !== 'closed' && c.acknowledgedAt === null && isUrgent(c, limits)
}

/** The `acknowledge` step, beside the loop; refused (`AcknowledgementRefused`) unless the case awaits it. */
export function acknowledgement(
  c: CaseFacts & { acknowledgedAt: Date | null }, note: string, role: Role, now: Date, limits: TimeLimits = DEFAULT_LIMITS,
): StepOutcome {
  if (c.state === 'closed') throw new AcknowledgementRefused('closed', 'case is closed; only an open urgent hazard is acknowledged')
  if (!isUrgent(c, limits)) {
    throw new AcknowledgementRefused('not_urgent', `case reports ${c.category === 'hazard' ? `a ${c.kind} hazard` : 'a dispute'}, not an urgent hazard: only those are acknowledged`)
  }
  if (c.acknowledgedAt !== null) throw new AcknowledgementRefused('acknowledged', `case was acknowledged already at ${c.acknowledgedAt.toISOString()}`)
  return recorded(c, 'acknowledge', note, role, now)
}
