import type { Role } from '../contract/auth'
import type { CaseSummary } from '../contract/cases'
import type {
  ActorRole, AnswerChannel, CaseCategory, CaseLevel, CaseSource, CaseState, CaseStep, DisputeKind, HazardKind, Holder, LoopStep,
  Satisfaction, SendBackReason,
} from '../contract/domain'
import { clocksOf, DEFAULT_LIMITS, levelAbove, type TimeLimits } from './timeLimits'

/**
 * The closed loop at every level (县镇村三级) and in every department (街道吹哨、部门报到), as pure rules.
 *
 * A case is held by one level (grid, community, township, city) and, while routed, by the departments it was
 * routed to as well. Whoever it arrives at signs for it first (签收; a department's is its 报到) within the
 * holder's sign-for limit, then handles it within the handling limit; `dueAt` is the one clock running now,
 * and when it lapses the platform moves the case up a level, where it must be signed for again.
 */

/** A department a case is routed to now: the lead (牵头) or an assisting one (配合), and its own sign-for clock. */
export type RouteFacts = { department: string; lead: boolean; routedAt: Date; signDueAt: Date; signedAt: Date | null }

export type CaseFacts = {
  category: CaseCategory
  kind: DisputeKind | HazardKind
  level: CaseLevel
  state: CaseState
  dueAt: Date | null
  escalations: number
  /** When the level holding the case signed for it; null while it waits to be signed. */
  signedAt: Date | null
  /** The level that sent the case to the one holding it, to whom a send-back returns it; null when it arrived otherwise (escalated, reopened, its own report). */
  sender: CaseLevel | null
  /** The departments it is routed to now. */
  routes: RouteFacts[]
  closedAt: Date | null
  /** The outcome recorded on closing (化解 or not) and the reporter's satisfaction; a follow-up may change the latter. */
  resolved: boolean | null
  satisfaction: Satisfaction | null
  followedUpAt: Date | null
  sendBacks: number
  reopened: number
}

/** What deciding the next steps needs of a case: what a case's summary carries (`viewOf`). */
export type LoopView = Pick<CaseFacts, 'level' | 'state' | 'signedAt' | 'sender' | 'closedAt' | 'followedUpAt'> & {
  routes: readonly Pick<RouteFacts, 'department' | 'lead' | 'signedAt'>[]
}

/** A case's summary as the loop reads it. */
export function viewOf(c: CaseSummary): LoopView {
  const date = (s: string | null) => (s === null ? null : new Date(s))
  return {
    level: c.level, state: c.state, signedAt: date(c.signedAt), sender: c.sender, closedAt: date(c.closedAt), followedUpAt: date(c.followedUpAt),
    routes: c.departments.map((d) => ({ department: d.name, lead: d.lead, signedAt: date(d.signedAt) })),
  }
}

/** Who is acting: a role, and the department they act for (a department officer's own; a duty leader or a service naming one). */
export type Actor = { role: Role; department: string | null }

export type StepInput = {
  step: LoopStep
  note: string
  /** `route`: the lead department and the assisting ones. */
  lead?: string | undefined
  assisting?: readonly string[] | undefined
  /** A department's step by a duty leader or a service: the department they act for. */
  department?: string | undefined
  /** `dispatch`: the grid the case goes to. */
  grid?: string | undefined
  reason?: SendBackReason | undefined
  channel?: AnswerChannel | undefined
  accepted?: boolean | undefined
  resolved?: boolean | undefined
  satisfaction?: Satisfaction | undefined
}

/** How routes stop: sent back by the department, ended by a new routing, accepted on check, or the case closed. */
export type RouteEnd = 'sent_back' | 'rerouted' | 'accepted' | 'closed'

/** A row of the history as the store keeps it. `dueAt` is the clock the step answered to, what "on time" is measured by. */
export type HistoryRow = {
  step: CaseStep
  actorRole: ActorRole
  level: CaseLevel
  at: Date
  department: string | null
  note: string
  assignee: string | null
  dueAt: Date | null
  reason: SendBackReason | null
  channel: AnswerChannel | null
  assisting: string[] | null
  toGrid: string | null
  accepted: boolean | null
  satisfaction: Satisfaction | null
}

export type StepOutcome = {
  /** The case's facts after the step (routes included). */
  facts: Omit<CaseFacts, 'category' | 'kind'>
  /** How the routes that are gone now ended; null when none ended. */
  routesEnded: RouteEnd | null
  /** The grid a dispatch sends the case to; null for every other step. */
  moveTo: string | null
  entry: HistoryRow
}

/** Why a step was refused: the case's state and the steps that may follow it, for this actor. */
export class IllegalStep extends Error {
  constructor(readonly state: CaseState, readonly level: CaseLevel, readonly allowed: LoopStep[], step: LoopStep, waiting: boolean) {
    super(`case is ${state} at ${level} level${waiting ? ', waiting to be signed for' : ''}; cannot ${step}; next may be ${allowed.length ? allowed.join(', ') : 'nothing'}`)
  }
}

/** Why an action was refused beside the state's rules: a closed case, no level above the city, a follow-up too late. */
export class ActionRefused extends Error {}

const ORDER = [
  'collect', 'sign_for', 'verify', 'handle', 'report_up', 'dispatch', 'route', 'send_back', 'supervise', 'feed_back', 'check', 'answer', 'close',
  'follow_up',
] as const satisfies readonly LoopStep[]

/** Which level each officer acts as (and whose inbox they read); a duty leader and a service act as any. */
export const LEVEL_OF: Partial<Record<Role, CaseLevel>> = { grid_worker: 'grid', community_officer: 'community', township_officer: 'township' }
const actsForAnyone = (role: Role) => role === 'duty_leader' || role === 'service'
const actsAsLevel = (role: Role, level: CaseLevel) => actsForAnyone(role) || LEVEL_OF[role] === level

/** Steps a level may take once it has signed for the case, by state (before the checks of level and sender). */
const SIGNED_LEVEL: Record<CaseState, readonly LoopStep[]> = {
  collected: ['verify', 'send_back'],
  verified: ['handle', 'report_up', 'dispatch', 'route'],
  reopened: ['handle', 'report_up', 'dispatch', 'route'],
  handling: ['handle', 'report_up', 'dispatch', 'route', 'feed_back'],
  reported_up: ['handle', 'report_up', 'dispatch', 'route', 'send_back'],
  returned: ['handle', 'dispatch', 'route', 'close'],
  routed: ['route'],
  fed_back: ['handle', 'answer', 'close'],
  checked: ['answer', 'close'],
  closed: [],
}

/** The seats may tell the reporter the result and call them back, for any level. */
const SEAT_STEPS: ReadonlySet<LoopStep> = new Set(['answer', 'follow_up'])

const followUpOpen = (c: LoopView, now: Date, limits: TimeLimits) =>
  c.state === 'closed' && c.followedUpAt === null && c.closedAt !== null && now.getTime() - c.closedAt.getTime() <= limits.followUpDays * 86_400_000

/** What the level holding the case may do now. */
function levelSteps(c: LoopView, now: Date, limits: TimeLimits): LoopStep[] {
  if (c.state === 'closed') return followUpOpen(c, now, limits) ? ['follow_up'] : []
  const mayReturn = c.sender !== null && (c.state === 'collected' || c.state === 'reported_up')
  if (!c.signedAt) return mayReturn ? ['sign_for', 'send_back'] : ['sign_for']
  const routed = c.routes.some((r) => r.lead)
  if (c.state === 'fed_back' && routed) return ['check']
  return SIGNED_LEVEL[c.state].filter((s) => {
    if (s === 'send_back') return mayReturn
    if (s === 'report_up') return levelAbove(c.level) !== null
    if (s === 'dispatch') return c.level !== 'grid'
    if (s === 'route') return c.level === 'township' || c.level === 'city'
    return true
  })
}

/** The route a department acts on: its own for a department officer, the named one for a duty leader or a service. */
function routeOf<R extends LoopView['routes'][number]>(c: { routes: readonly R[] }, actor: Actor): R | null {
  if (actor.department === null || !(actor.role === 'department_officer' || actsForAnyone(actor.role))) return null
  return c.routes.find((r) => r.department === actor.department) ?? null
}

/** What a department may do with a case routed to it: report (报到), handle it, or send it back as not its own; the lead feeds the result back. */
function departmentSteps(c: LoopView, r: LoopView['routes'][number]): LoopStep[] {
  if (c.state !== 'routed') return []
  if (!r.signedAt) return ['sign_for', 'send_back']
  return r.lead ? ['handle', 'send_back', 'feed_back'] : ['handle', 'send_back']
}

/** The department `actor` acts for on this case now: theirs (or the one they name) when the case is routed to it. */
export const actingFor = (c: LoopView, actor: Actor): string | null => routeOf(c, actor)?.department ?? null

/**
 * The steps `actor` may take next, in the loop's order: e.g. a grid worker with a hotline report not yet
 * signed for gets `['sign_for', 'send_back']`. Only the loop's own steps: assigning is beside the loop.
 */
export function nextSteps(c: LoopView, actor: Actor, now: Date, limits = DEFAULT_LIMITS): LoopStep[] {
  const steps = new Set<LoopStep>()
  const r = routeOf(c, actor)
  if (r) for (const s of departmentSteps(c, r)) steps.add(s)
  if (actor.role !== 'department_officer' && actsAsLevel(actor.role, c.level)) for (const s of levelSteps(c, now, limits)) steps.add(s)
  if (actor.role === 'operator') for (const s of levelSteps(c, now, limits)) if (SEAT_STEPS.has(s)) steps.add(s)
  if (actor.role === 'duty_leader' && c.state !== 'closed') steps.add('supervise')
  return ORDER.filter((s) => steps.has(s))
}

/** Who the history says acted, from the role and the level the case is at. */
export function actorRoleOf(role: Role, level: CaseLevel): ActorRole {
  if (role === 'grid_worker' || role === 'duty_leader') return role
  if (role === 'community_officer') return 'community'
  if (role === 'township_officer') return 'township'
  if (role === 'department_officer') return 'department'
  if (role === 'operator') return 'city'
  return level === 'grid' ? 'grid_worker' : level
}

const hoursFrom = (from: Date, hours: number) => new Date(from.getTime() + hours * 3_600_000)

/** When a holder must have signed for, or handled, a case that reaches it `from` now. */
export function signDue(kind: CaseFacts['kind'], holder: Holder, from: Date, limits = DEFAULT_LIMITS): Date {
  return hoursFrom(from, clocksOf(kind, holder, limits).sign)
}
export function handleDue(kind: CaseFacts['kind'], holder: Holder, from: Date, limits = DEFAULT_LIMITS): Date {
  return hoursFrom(from, clocksOf(kind, holder, limits).handle)
}

/** The departments' clock: the first sign-for still owed, else the lead's handling time from its 报到. */
function routesDue(kind: CaseFacts['kind'], routes: readonly RouteFacts[], limits: TimeLimits): Date | null {
  const unsigned = routes.filter((r) => !r.signedAt).map((r) => r.signDueAt.getTime())
  if (unsigned.length) return new Date(Math.min(...unsigned))
  const lead = routes.find((r) => r.lead)
  return lead?.signedAt ? handleDue(kind, 'department', lead.signedAt, limits) : null
}

const EMPTY_ENTRY = { department: null, assignee: null, dueAt: null, reason: null, channel: null, assisting: null, toGrid: null, accepted: null, satisfaction: null }

type Change = Partial<Omit<CaseFacts, 'category' | 'kind'>> & {
  routesEnded?: RouteEnd
  moveTo?: string
  entry?: Partial<HistoryRow>
}

function outcome(c: CaseFacts, step: CaseStep, actorRole: ActorRole, note: string, now: Date, change: Change): StepOutcome {
  const { routesEnded = null, moveTo = null, entry = {}, ...facts } = change
  const { category: _c, kind: _k, ...kept } = c
  const next = { ...kept, ...facts }
  return {
    facts: next, routesEnded, moveTo,
    entry: { ...EMPTY_ENTRY, step, actorRole, level: next.level, at: now, note, ...entry },
  }
}

/** The input a step needs but lacks (the contract requires it; the rules do not take it on trust). */
function need<T>(value: T | undefined, what: string, step: LoopStep): T {
  if (value === undefined) throw new ActionRefused(`${step} needs ${what}`)
  return value
}

/**
 * Takes one step: checks it against the case (its state, its level, who has signed for it, its routes) and
 * the actor, and gives the case's new facts and the history row to append.
 */
export function takeStep(c: CaseFacts, input: StepInput, actor: Actor, now: Date, limits = DEFAULT_LIMITS): StepOutcome {
  const allowed = nextSteps(c, actor, now, limits)
  if (!allowed.includes(input.step)) throw new IllegalStep(c.state, c.level, allowed, input.step, c.state !== 'closed' && !c.signedAt)
  const r = routeOf(c, actor)
  if (r && departmentSteps(c, r).includes(input.step) && (actor.role === 'department_officer' || input.department !== undefined)) {
    return departmentStep(c, r, input, now, limits)
  }
  return levelStep(c, input, actor, now, limits)
}

function departmentStep(c: CaseFacts, r: RouteFacts, input: StepInput, now: Date, limits: TimeLimits): StepOutcome {
  const by = (step: CaseStep, change: Change) =>
    outcome(c, step, 'department', input.note, now, { ...change, entry: { department: r.department, ...change.entry } })
  switch (input.step) {
    case 'sign_for': {
      const routes = c.routes.map((x) => (x === r ? { ...x, signedAt: now } : x))
      return by('sign_for', { routes, dueAt: routesDue(c.kind, routes, limits), entry: { dueAt: r.signDueAt } })
    }
    case 'send_back': {
      const reason = need(input.reason, 'a reason', 'send_back')
      if (r.lead) {
        // The lead refusing it gives the whole routing back to whoever routed it, to route it again.
        return by('send_back', {
          state: 'returned', routes: [], routesEnded: 'sent_back', signedAt: now, sender: null, sendBacks: c.sendBacks + 1,
          dueAt: signDue(c.kind, c.level, now, limits), entry: { reason, dueAt: r.signDueAt },
        })
      }
      const routes = c.routes.filter((x) => x !== r)
      return by('send_back', { routes, routesEnded: 'sent_back', sendBacks: c.sendBacks + 1, dueAt: routesDue(c.kind, routes, limits), entry: { reason } })
    }
    case 'handle':
      return by('handle', {})
    case 'feed_back':
      // The result goes back to whoever routed the case, who checks it within their sign-for time.
      return by('feed_back', { state: 'fed_back', dueAt: signDue(c.kind, c.level, now, limits), entry: { dueAt: c.dueAt } })
    default:
      throw new ActionRefused(`a department cannot ${input.step}`)
  }
}

function levelStep(c: CaseFacts, input: StepInput, actor: Actor, now: Date, limits: TimeLimits): StepOutcome {
  const by = (step: CaseStep, change: Change) => outcome(c, step, actorRoleOf(actor.role, c.level), input.note, now, change)
  switch (input.step) {
    case 'sign_for':
      return by('sign_for', {
        signedAt: now, dueAt: (c.state === 'routed' ? routesDue(c.kind, c.routes, limits) : null) ?? handleDue(c.kind, c.level, now, limits),
        entry: { dueAt: c.dueAt },
      })
    case 'verify':
      return by('verify', { state: 'verified' })
    case 'handle':
      return by('handle', { state: 'handling' })
    case 'report_up': {
      const above = levelAbove(c.level)!
      return by('report_up', {
        level: above, state: 'reported_up', signedAt: null, sender: c.level, dueAt: signDue(c.kind, above, now, limits),
        entry: { level: above },
      })
    }
    case 'dispatch': {
      const grid = need(input.grid, 'a grid', 'dispatch')
      return by('dispatch', {
        level: 'grid', state: 'collected', signedAt: null, sender: c.level, routes: [], routesEnded: 'rerouted', moveTo: grid,
        dueAt: signDue(c.kind, 'grid', now, limits), entry: { toGrid: grid, level: 'grid' },
      })
    }
    case 'route': {
      const lead = need(input.lead, 'a lead department', 'route')
      const assisting = input.assisting ?? []
      const signDueAt = signDue(c.kind, 'department', now, limits)
      const routes = [lead, ...assisting].map((department, i) => ({ department, lead: i === 0, routedAt: now, signDueAt, signedAt: null }))
      return by('route', {
        state: 'routed', routes, routesEnded: 'rerouted', dueAt: signDueAt, entry: { department: lead, assisting: [...assisting] },
      })
    }
    case 'send_back': {
      const reason = need(input.reason, 'a reason', 'send_back')
      const to = c.sender!
      return by('send_back', {
        level: to, state: 'returned', signedAt: now, sender: null, sendBacks: c.sendBacks + 1, dueAt: signDue(c.kind, to, now, limits),
        entry: { reason, dueAt: c.dueAt, level: to },
      })
    }
    case 'feed_back':
      return by('feed_back', { state: 'fed_back', entry: { dueAt: c.dueAt } })
    case 'check': {
      const accepted = need(input.accepted, 'whether the result is accepted', 'check')
      if (accepted) return by('check', { state: 'checked', routes: [], routesEnded: 'accepted', dueAt: signDue(c.kind, c.level, now, limits), entry: { accepted } })
      return by('check', { state: 'routed', dueAt: handleDue(c.kind, 'department', now, limits), entry: { accepted } })
    }
    case 'answer':
      return by('answer', { entry: { channel: need(input.channel, 'a channel', 'answer') } })
    case 'close':
      return by('close', {
        state: 'closed', closedAt: now, dueAt: null, routes: [], routesEnded: 'closed',
        resolved: need(input.resolved, 'the outcome', 'close'), satisfaction: need(input.satisfaction, 'the satisfaction', 'close'),
      })
    case 'follow_up': {
      const satisfaction = need(input.satisfaction, 'the satisfaction', 'follow_up')
      if (satisfaction === 'not_visited') throw new ActionRefused('a follow-up records what the reporter said: satisfaction cannot be not_visited')
      if (satisfaction === 'unsatisfied') {
        // Dissatisfied: the level that closed it has it back, to sign for and handle again.
        return by('follow_up', {
          state: 'reopened', closedAt: null, resolved: null, satisfaction: null, followedUpAt: null, signedAt: null, sender: null,
          reopened: c.reopened + 1,
          dueAt: signDue(c.kind, c.level, now, limits), entry: { satisfaction },
        })
      }
      return by('follow_up', { followedUpAt: now, satisfaction, entry: { satisfaction } })
    }
    case 'supervise':
      return by('supervise', {})
    default:
      throw new ActionRefused(`${input.step} is not a step a level takes`)
  }
}

/**
 * How a case starts at its grid: a grid worker's own report is theirs already (signed for, its handling
 * time running); a report from any other channel was sent by the centre and waits to be signed for.
 */
export function arrival(c: Pick<CaseFacts, 'kind'> & { source: CaseSource }, now: Date, limits = DEFAULT_LIMITS): Pick<CaseFacts, 'signedAt' | 'sender' | 'dueAt'> {
  return c.source === 'grid_worker'
    ? { signedAt: now, sender: null, dueAt: handleDue(c.kind, 'grid', now, limits) }
    : { signedAt: null, sender: 'city', dueAt: signDue(c.kind, 'grid', now, limits) }
}

/** One level up with a supervise step, to be signed for there with that level's full time. */
function movedUp(c: CaseFacts, above: CaseLevel, actorRole: ActorRole, note: string, now: Date, limits: TimeLimits): StepOutcome {
  return outcome(c, 'supervise', actorRole, note, now, {
    level: above, signedAt: null, sender: null, escalations: c.escalations + 1, dueAt: signDue(c.kind, above, now, limits),
    entry: { dueAt: c.dueAt },
  })
}

/**
 * The platform's move when a holder lets a clock run out (超时未签收/未办结 → 上级督办): one level up, a
 * supervise step in the history, the new level to sign for it. Null when nothing is due: the case is
 * closed, not yet due, or already at the city, which has no level above.
 */
export function escalation(c: CaseFacts, now: Date, limits = DEFAULT_LIMITS): StepOutcome | null {
  const above = levelAbove(c.level)
  if (c.state === 'closed' || !c.dueAt || c.dueAt > now || !above) return null
  const note = !c.signedAt ? '超时未签收，平台自动上提督办' : c.routes.some((r) => !r.signedAt) ? '部门超时未报到，平台自动上提督办' : '超时未办结，平台自动上提督办'
  return movedUp(c, above, 'platform', note, now, limits)
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
 * Naming the post that takes a case (指派): beside the loop, so its state, level and clocks stay as they
 * are. Refused for a closed case.
 */
export function assignment(c: CaseFacts, post: string, note: string, role: Role, now: Date): StepOutcome {
  if (c.state === 'closed') throw new ActionRefused('case is closed; a closed case cannot be assigned')
  return outcome(c, 'assign', actorRoleOf(role, c.level), note, now, { entry: { assignee: post } })
}

/**
 * Another report of the same matter joins an open case (并案): the case stays where it is, its history says
 * which channel's report joined. A closed case takes none; the seat files a new one instead.
 */
export function merger(c: CaseFacts, note: string, role: Role, now: Date): StepOutcome {
  if (c.state === 'closed') throw new ActionRefused('case is closed; file the report as a new case instead of merging it')
  return outcome(c, 'merge', actorRoleOf(role, c.level), note, now, {})
}

/** A step beside the loop that only records who did what: state, level and clocks stay as they are (see `acknowledgement`). */
export function recorded(c: CaseFacts, step: 'acknowledge', note: string, role: Role, now: Date): StepOutcome {
  return outcome(c, step, actorRoleOf(role, c.level), note, now, {})
}
