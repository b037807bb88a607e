import type { Role } from '../contract/auth'
import type { ActorRole, CaseCategory, CaseLevel, CaseState, CaseStep, DisputeKind, HazardKind, LoopStep, Satisfaction } from '../contract/domain'
import { DEFAULT_LIMITS, levelAbove, limitHours, type TimeLimits } from './timeLimits'

/**
 * Which steps may follow a state. `supervise` may come at any open state and changes no state.
 * `handle` may follow itself: handling is recorded as it goes, and a level that took a case over
 * from the platform's escalation records its own.
 */
const NEXT: Record<CaseState, readonly LoopStep[]> = {
  collected: ['verify', 'supervise'],
  verified: ['handle', 'report_up', 'supervise'],
  handling: ['feed_back', 'handle', 'report_up', 'route', 'supervise'],
  reported_up: ['handle', 'route', 'report_up', 'supervise'],
  routed: ['handle', 'feed_back', 'supervise'],
  fed_back: ['close', 'handle', 'supervise'],
  closed: [],
}

const STATE_AFTER: Record<Exclude<LoopStep, 'collect' | 'supervise'>, CaseState> = {
  verify: 'verified', handle: 'handling', report_up: 'reported_up', route: 'routed', feed_back: 'fed_back', close: 'closed',
}

/** What a grid worker may do, and only while the case is at the grid (网格办小事、报大事). */
const GRID_WORKER_STEPS: ReadonlySet<LoopStep> = new Set(['verify', 'handle', 'report_up', 'feed_back', 'close'])

/** Can `step` be taken at `level` at all: nothing above the city, and departments are summoned from the township up. */
function fitsLevel(step: LoopStep, level: CaseLevel): boolean {
  if (step === 'report_up') return levelAbove(level) !== null
  if (step === 'route') return level === 'township' || level === 'city'
  return true
}

/** What an officer may do while the case is at their level: their level's share of the loop, no supervising. */
const OFFICER_STEPS: ReadonlySet<LoopStep> = new Set(['verify', 'handle', 'report_up', 'route', 'feed_back', 'close'])

/** What a department does with a case routed to it (部门报到): handle it and feed the result back. */
const DEPARTMENT_STEPS: ReadonlySet<LoopStep> = new Set(['handle', 'feed_back'])

function roleMay(role: Role, step: LoopStep, level: CaseLevel, state: CaseState): boolean {
  switch (role) {
    case 'duty_leader':
      return true
    case 'service':
      return step !== 'supervise'
    case 'grid_worker':
      return level === 'grid' && GRID_WORKER_STEPS.has(step)
    case 'community_officer':
      return level === 'community' && OFFICER_STEPS.has(step)
    case 'township_officer':
      return level === 'township' && OFFICER_STEPS.has(step)
    case 'department_officer':
      return state === 'routed' && DEPARTMENT_STEPS.has(step)
    default:
      return false
  }
}

/**
 * The steps that may follow, e.g. `nextSteps('verified', 'grid')` is `['handle', 'report_up', 'supervise']`.
 * Only the loop's own steps: assigning a case is beside the loop (`assignment`).
 */
export function nextSteps(state: CaseState, level: CaseLevel, role: Role = 'duty_leader'): LoopStep[] {
  return NEXT[state].filter((s) => fitsLevel(s, level) && roleMay(role, s, level, state))
}

export type CaseFacts = {
  category: CaseCategory
  kind: DisputeKind | HazardKind
  level: CaseLevel
  state: CaseState
  dueAt: Date | null
  escalations: number
}

export type StepInput = { step: LoopStep; note: string; department?: string | undefined; resolved?: boolean | undefined; satisfaction?: Satisfaction | undefined }

export type StepOutcome = {
  level: CaseLevel
  state: CaseState
  dueAt: Date | null
  escalations: number
  closedAt: Date | null
  resolved: boolean | null
  satisfaction: Satisfaction | null
  /** The history row to append; `assignee` is the post an `assign` names, null for every other step. */
  entry: { step: CaseStep; actorRole: ActorRole; level: CaseLevel; at: Date; department: string | null; note: string; assignee: string | null }
}

/** Why a step was refused: the case's state and the steps that may follow it, for this role. */
export class IllegalStep extends Error {
  constructor(readonly state: CaseState, readonly level: CaseLevel, readonly allowed: LoopStep[], step: LoopStep) {
    super(`case is ${state} at ${level} level; cannot ${step}; next may be ${allowed.length ? allowed.join(', ') : 'nothing'}`)
  }
}

/** Why a duty leader's action beside the loop was refused: a closed case, or no level above the city. */
export class ActionRefused extends Error {}

/** Who the history says took a step, from the caller's role and the level the case is at. */
function actorOf(role: Role, step: LoopStep, level: CaseLevel, state: CaseState): ActorRole {
  if (role === 'grid_worker') return 'grid_worker'
  if (role === 'duty_leader') return 'duty_leader'
  if (role === 'community_officer') return 'community'
  if (role === 'township_officer') return 'township'
  if (role === 'department_officer') return 'department'
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
      department: input.step === 'route' ? input.department ?? null : null, note: input.note, assignee: null,
    },
  }
}

function dueAfter(c: Pick<CaseFacts, 'category' | 'kind'>, level: CaseLevel, from: Date, limits: TimeLimits): Date {
  return new Date(from.getTime() + limitHours(c.category, c.kind, level, limits) * 3_600_000)
}

/** When a new report is due at the grid. */
export const firstDue = (c: Pick<CaseFacts, 'category' | 'kind'>, reportedAt: Date, limits = DEFAULT_LIMITS) =>
  dueAfter(c, 'grid', reportedAt, limits)

/** One level up with a supervise step by `actorRole`, and the new level's full time from now. */
function movedUp(c: CaseFacts, above: CaseLevel, actorRole: ActorRole, note: string, now: Date, limits: TimeLimits): StepOutcome {
  return {
    level: above,
    state: c.state,
    dueAt: dueAfter(c, above, now, limits),
    escalations: c.escalations + 1,
    closedAt: null,
    resolved: null,
    satisfaction: null,
    entry: { step: 'supervise', actorRole, level: above, at: now, department: null, note, assignee: null },
  }
}

/**
 * The platform's move when a level lets a case run past its due time (超时未办 → 上级督办): one level up,
 * a supervise step in the history, the new level's full time from now. Null when nothing is due:
 * the case is closed, not yet due, or already at the city, which has no level above.
 */
export function escalation(c: CaseFacts, now: Date, limits = DEFAULT_LIMITS): StepOutcome | null {
  const above = levelAbove(c.level)
  if (c.state === 'closed' || !c.dueAt || c.dueAt > now || !above) return null
  return movedUp(c, above, 'platform', '超时未办，平台自动上提督办', now, limits)
}

/**
 * A duty leader moving a case up by hand (督办), due or not: exactly the platform's move, counted as an
 * escalation like it, with the leader's reason as the note. Refused for a closed case and at the city.
 */
export function escalationByHand(c: CaseFacts, reason: string, now: Date, limits = DEFAULT_LIMITS): StepOutcome {
  const above = levelAbove(c.level)
  if (c.state === 'closed') throw new ActionRefused('case is closed; a closed case cannot be escalated')
  if (!above) throw new ActionRefused('case is at city level; there is no level above to escalate to')
  return movedUp(c, above, 'duty_leader', reason, now, limits)
}

/**
 * A duty leader naming the post that takes a case (指派): beside the loop, so its state, level and due
 * time stay as they are. Refused for a closed case.
 */
export function assignment(c: CaseFacts, post: string, note: string, now: Date): StepOutcome {
  if (c.state === 'closed') throw new ActionRefused('case is closed; a closed case cannot be assigned')
  return {
    level: c.level,
    state: c.state,
    dueAt: c.dueAt,
    escalations: c.escalations,
    closedAt: null,
    resolved: null,
    satisfaction: null,
    entry: { step: 'assign', actorRole: 'duty_leader', level: c.level, at: now, department: null, note, assignee: post },
  }
}
