import type { Role } from '../../../contract/auth'
import type { ActorRole, CaseCategory, CaseLevel, CaseState, CaseStep, DisputeKind, HazardKind, Satisfaction } from '../../../contract/domain'
import { DEFAULT_LIMITS, levelAbove, limitHours, type TimeLimits } from './timeLimits'

/**
 * Which steps may follow a state. `supervise` may come at any open state and changes no state.
 * `handle` may follow itself: handling is recorded as it goes, and a level that took a case over
 * from the platform's escalation records its own.
 */
const NEXT: Record<CaseState, readonly CaseStep[]> = {
  collected: ['verify', 'supervise'],
  verified: ['handle', 'report_up', 'supervise'],
  handling: ['feed_back', 'handle', 'report_up', 'route', 'supervise'],
  reported_up: ['handle', 'route', 'report_up', 'supervise'],
  routed: ['handle', 'feed_back', 'supervise'],
  fed_back: ['close', 'handle', 'supervise'],
  closed: [],
}

const STATE_AFTER: Record<Exclude<CaseStep, 'collect' | 'supervise'>, CaseState> = {
  verify: 'verified', handle: 'handling', report_up: 'reported_up', route: 'routed', feed_back: 'fed_back', close: 'closed',
}

/** What a grid worker may do, and only while the case is at the grid (网格办小事、报大事). */
const GRID_WORKER_STEPS: ReadonlySet<CaseStep> = new Set(['verify', 'handle', 'report_up', 'feed_back', 'close'])

/** Can `step` be taken at `level` at all: nothing above the city, and departments are summoned from the township up. */
function fitsLevel(step: CaseStep, level: CaseLevel): boolean {
  if (step === 'report_up') return levelAbove(level) !== null
  if (step === 'route') return level === 'township' || level === 'city'
  return true
}

function roleMay(role: Role, step: CaseStep, level: CaseLevel): boolean {
  switch (role) {
    case 'duty_leader':
      return true
    case 'simulator':
      return step !== 'supervise'
    case 'grid_worker':
      return level === 'grid' && GRID_WORKER_STEPS.has(step)
    default:
      return false
  }
}

/** The steps that may follow, e.g. `nextSteps('verified', 'grid')` is `['handle', 'report_up', 'supervise']`. */
export function nextSteps(state: CaseState, level: CaseLevel, role: Role = 'duty_leader'): CaseStep[] {
  return NEXT[state].filter((s) => fitsLevel(s, level) && roleMay(role, s, level))
}

export type CaseFacts = {
  category: CaseCategory
  kind: DisputeKind | HazardKind
  level: CaseLevel
  state: CaseState
  dueAt: Date | null
  escalations: number
}

export type StepInput = { step: CaseStep; note: string; department?: string | undefined; resolved?: boolean | undefined; satisfaction?: Satisfaction | undefined }

export type StepOutcome = {
  level: CaseLevel
  state: CaseState
  dueAt: Date | null
  escalations: number
  closedAt: Date | null
  resolved: boolean | null
  satisfaction: Satisfaction | null
  entry: { step: CaseStep; actorRole: ActorRole; level: CaseLevel; at: Date; department: string | null; note: string }
}

/** Why a step was refused: the case's state and the steps that may follow it, for this role. */
export class IllegalStep extends Error {
  constructor(readonly state: CaseState, readonly level: CaseLevel, readonly allowed: CaseStep[], step: CaseStep) {
    super(`case is ${state} at ${level} level; cannot ${step}; next may be ${allowed.length ? allowed.join(', ') : 'nothing'}`)
  }
}

/** Who the history says took a step, from the caller's role and the level the case is at. */
function actorOf(role: Role, step: CaseStep, level: CaseLevel, state: CaseState): ActorRole {
  if (role === 'grid_worker') return 'grid_worker'
  if (role === 'duty_leader') return 'duty_leader'
  if (step === 'handle' && state === 'routed') return 'department'
  return level === 'grid' ? 'grid_worker' : level
}

/**
 * Takes one step: checks it against the state, the level and the role, and gives the case's new
 * facts and the history entry to append. Reporting up moves the case one level and gives that level
 * its full time; closing records the outcome and clears the due time.
 */
export function takeStep(c: CaseFacts, input: StepInput, role: Role, now: Date, limits = DEFAULT_LIMITS): StepOutcome {
  const allowed = nextSteps(c.state, c.level, role)
  if (!allowed.includes(input.step)) throw new IllegalStep(c.state, c.level, allowed, input.step)
  let { level, dueAt } = c
  if (input.step === 'report_up') {
    level = levelAbove(c.level)!
    dueAt = dueAfter(c, level, now, limits)
  }
  const state = input.step === 'supervise' || input.step === 'collect' ? c.state : STATE_AFTER[input.step]
  const closing = input.step === 'close'
  return {
    level,
    state,
    dueAt: closing ? null : dueAt,
    escalations: c.escalations,
    closedAt: closing ? now : null,
    resolved: closing ? input.resolved ?? null : null,
    satisfaction: closing ? input.satisfaction ?? null : null,
    entry: {
      step: input.step, actorRole: actorOf(role, input.step, c.level, c.state), level, at: now,
      department: input.step === 'route' ? input.department ?? null : null, note: input.note,
    },
  }
}

function dueAfter(c: Pick<CaseFacts, 'category' | 'kind'>, level: CaseLevel, from: Date, limits: TimeLimits): Date {
  return new Date(from.getTime() + limitHours(c.category, c.kind, level, limits) * 3_600_000)
}

/** When a new report is due at the grid. */
export const firstDue = (c: Pick<CaseFacts, 'category' | 'kind'>, reportedAt: Date, limits = DEFAULT_LIMITS) =>
  dueAfter(c, 'grid', reportedAt, limits)

/**
 * The platform's move when a level lets a case run past its due time (超时未办 → 上级督办): one level up,
 * a supervise step in the history, the new level's full time from now. Null when nothing is due:
 * the case is closed, not yet due, or already at the city, which has no level above.
 */
export function escalation(c: CaseFacts, now: Date, limits = DEFAULT_LIMITS): StepOutcome | null {
  const above = levelAbove(c.level)
  if (c.state === 'closed' || !c.dueAt || c.dueAt > now || !above) return null
  return {
    level: above,
    state: c.state,
    dueAt: dueAfter(c, above, now, limits),
    escalations: c.escalations + 1,
    closedAt: null,
    resolved: null,
    satisfaction: null,
    entry: { step: 'supervise', actorRole: 'platform', level: above, at: now, department: null, note: '超时未办，平台自动上提督办' },
  }
}
