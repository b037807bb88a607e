import type { CaseSummary, StepRequest } from '../../contract/cases'
import type { DepartmentInfo } from '../../contract/departments'
import type { AnswerChannel, CaseLevel, CaseSource, CaseState, LoopStep, Satisfaction } from '../../contract/domain'
import { type Actor, nextSteps, viewOf } from '../../domain/caseLoop'
import { mayRoute } from '../../domain/routing'
import { levelAbove } from '../../domain/timeLimits'
import { SATISFACTION } from '../city/caseMix'
import type { Rng } from '../city/rng'

/**
 * The hands of every level and department as the simulator plays them: which step a case is likely to take
 * next and after how many simulated hours, only ever one the loop allows (`nextSteps`). Most cases are
 * handled at their grid, some reported up; townships and the city route to departments, which report (报到),
 * handle and feed back; the router checks the result; the reporter is told, the case closed, some called back.
 */

/** What the simulator knows of a case: its summary, and the steps taken since its state last changed, so a department handles once and a reporter is told once. */
export type Known = { c: CaseSummary; done: ReadonlySet<string> }

/** A step to take after `hours` (simulated); or, with `step` null, a holder letting its clock run out, to be looked at again after `hours`. */
export type Plan = { step: StepRequest | null; hours: number }

/**
 * Where the simulator's time stands: the real `now`, how many times faster than real life it plays (`speed`, as the
 * platform's clocks are compressed by), and its own lag in simulated hours (`slack`).
 */
export type Pace = { now: Date; speed: number; slack: number }

type Move = Exclude<LoopStep, 'collect' | 'supervise'>

/** Hours a step usually takes after the one before it; the simulator draws around them. Handling is the long wait before a result is fed back. */
const TYPICAL_HOURS: Record<Move, number> = {
  sign_for: 0.6, verify: 2, handle: 4, report_up: 6, dispatch: 2, route: 3, send_back: 1, feed_back: 14, check: 3, answer: 2, close: 3,
  follow_up: 36,
}
/** A department takes longer to report (报到) than a level to sign, with a day to do it: long enough to be seen waiting on the wall. */
const REPORTING_HOURS = 6

/** A holder lets one stage in twenty run out of time, and the platform moves the case up. */
export const LAPSE = 0.05
/** One arrival in twelve is sent back as not the level's own (退回), one routing in eight by a department. */
const LEVEL_SENDS_BACK = 1 / 12
const DEPARTMENT_SENDS_BACK = 1 / 8
const ASSISTED = 0.3
const ACCEPTED = 0.85
const RESOLVED = 0.945
/** The seats call back about a third of the reporters after closing. */
const FOLLOWED_UP = 0.35

/** Reporting up is a grid's way out, rarer higher up; routing is a township's and the city's. */
const UP: Record<CaseLevel, number> = { grid: 1.2, community: 0.8, township: 0.4, city: 0 }
const ROUTES: Record<CaseLevel, number> = { grid: 0, community: 0, township: 4, city: 3 }

/** What a level that has signed for the case does next, by state, before the loop's own filter; `routed`: departments had it last. */
function levelWeights(state: CaseState, level: CaseLevel, routed: boolean): Partial<Record<Move, number>> {
  const up = UP[level]
  const route = ROUTES[level]
  switch (state) {
    case 'collected':
      return { verify: 1 }
    case 'verified':
    case 'reopened':
      return { handle: 10, report_up: up, route }
    case 'handling':
      return { feed_back: 8, handle: 1, report_up: up / 2, route: route / 2 }
    case 'reported_up':
      // What a grid could not settle often goes on up, to the township and its departments.
      return { handle: 4, report_up: up * 3, route: route * 2, dispatch: 0.5 }
    case 'returned':
      // Given back by its departments: routed again; by a grid or the level below: sent down to the grid it lies in.
      return routed ? { route: route * 2, handle: 2, dispatch: 0.5 } : { dispatch: 5, handle: 2, route: route / 2 }
    default:
      return {}
  }
}

/** How the reporter is told the result, by where the report came from; a grid worker's own find has nobody to tell. */
const ANSWER: Record<Exclude<CaseSource, 'grid_worker'>, { channel: AnswerChannel; note: string }> = {
  mini_program: { channel: 'mini_program', note: '已通过小程序回复办理结果' },
  hotline_12345: { channel: 'phone', note: '已电话告知办理结果' },
  police_110: { channel: 'phone', note: '已电话告知办理结果' },
  petition_office: { channel: 'letter', note: '已书面答复信访人' },
  walk_in: { channel: 'in_person', note: '已当面告知来访人办理结果' },
}

/** What a reporter says when called back (回访): mostly content when the case was resolved, often not when it was not. */
const CALLED_BACK: Record<'resolved' | 'unresolved', Record<Exclude<Satisfaction, 'not_visited'>, number>> = {
  resolved: { satisfied: 85, basically_satisfied: 12, unsatisfied: 3 },
  unresolved: { satisfied: 10, basically_satisfied: 45, unsatisfied: 45 },
}

const SERVICE: Actor = { role: 'service', department: null }
const doneKey = (step: LoopStep, department?: string) => (department ? `${step}:${department}` : step)

/** What is known once `c` is read, or returned by the step `took`: a new state, or a new routing, starts afresh. */
export function learn(before: Known | undefined, c: CaseSummary, took?: StepRequest): Known {
  const kept = before && before.c.state === c.state && took?.step !== 'route' ? before.done : []
  return { c, done: new Set([...kept, ...(took ? [doneKey(took.step, took.department)] : [])]) }
}

/**
 * The next move on a case, null when nobody has anything left to do. Steps in time stay in time: drawn hours are
 * cut to most of what is left on the case's clock, less the simulator's lag.
 */
export function planFor(rng: Rng, known: Known, departments: readonly DepartmentInfo[], { now, speed, slack }: Pace, lapse = LAPSE): Plan | null {
  const step = likelyStep(rng, known, departments, now)
  if (!step) return null
  const { c } = known
  // The case's clock is real time; what is left of it, in simulated hours.
  const left = c.dueAt === null ? null : ((Date.parse(c.dueAt) - now.getTime()) * speed) / 3_600_000
  if (left !== null && left > 0 && levelAbove(c.level) && rng.chance(lapse)) return { step: null, hours: left }
  const typical = step.step === 'sign_for' && step.department ? REPORTING_HOURS : TYPICAL_HOURS[step.step as Move]
  const drawn = -Math.log(1 - rng.next()) * typical
  return { step, hours: left !== null && left > 0 ? Math.max(0, Math.min(drawn, 0.8 * left - slack)) : drawn }
}

/** The step the case's next hand takes: the level signs for it first; a routed case's departments work it; else the level's own. */
export function likelyStep(rng: Rng, { c, done }: Known, departments: readonly DepartmentInfo[], now: Date): StepRequest | null {
  const allowed = nextSteps(viewOf(c), SERVICE, now)
  if (allowed.includes('sign_for')) {
    return allowed.includes('send_back') && rng.chance(LEVEL_SENDS_BACK) ? sendBack(c.level) : { step: 'sign_for' }
  }
  if (c.state === 'routed') return departmentStep(rng, c, done, now)
  if (allowed.includes('check')) {
    const accepted = rng.chance(ACCEPTED)
    return { step: 'check', accepted, note: accepted ? '办理结果属实，审核通过' : '办理不到位，退回部门继续办理' }
  }
  if (c.state === 'closed') return allowed.includes('follow_up') && rng.chance(FOLLOWED_UP) ? followUp(rng, c) : null
  if (c.state === 'fed_back' || c.state === 'checked') {
    if (c.source !== 'grid_worker' && !done.has('answer') && allowed.includes('answer')) return { step: 'answer', ...ANSWER[c.source] }
    return allowed.includes('close') ? close(rng, c) : null
  }
  const targets = routable(c, departments)
  const weights = Object.entries(levelWeights(c.state, c.level, c.department !== null)).filter(
    ([s, w]) => w > 0 && allowed.includes(s as Move) && (s !== 'route' || targets.length > 0),
  )
  if (weights.length === 0) return null
  const step = rng.weighted(Object.fromEntries(weights) as Record<Move, number>)
  if (step === 'route') return route(rng, c.level, targets)
  if (step === 'dispatch') return { step, grid: c.gridCode, note: '派回网格处置' }
  return { step }
}

/** The level returning what is not its own to whoever sent it: a grid a report from another grid, a level above what the one below can settle. */
const sendBack = (level: CaseLevel): StepRequest =>
  level === 'grid'
    ? { step: 'send_back', reason: 'wrong_grid', note: '不属本网格，请重新派单' }
    : { step: 'send_back', reason: 'other', note: '属下级职责范围，退回办理' }

/**
 * A department's hand on a routed case: each reports (报到) and handles it, or now and then sends it back as not
 * its own; once every one has handled it, the lead feeds the result back.
 */
function departmentStep(rng: Rng, c: CaseSummary, done: ReadonlySet<string>, now: Date): StepRequest | null {
  const pending = c.departments.filter((d) => !d.signedAt || !done.has(doneKey('handle', d.name)))
  const d = pending.length > 0 ? rng.pick(pending) : c.departments.find((r) => r.lead)
  if (!d) return null
  const allowed = nextSteps(viewOf(c), { role: 'service', department: d.name }, now)
  const step = pending.length === 0 ? 'feed_back' : !d.signedAt ? 'sign_for' : 'handle'
  // Mostly found on reporting, now and then only once at work on it; never once the result is in.
  const sendsBack = { sign_for: DEPARTMENT_SENDS_BACK, handle: DEPARTMENT_SENDS_BACK / 4, feed_back: 0 }[step]
  if (allowed.includes('send_back') && rng.chance(sendsBack)) {
    return { step: 'send_back', department: d.name, reason: 'wrong_department', note: '不属本部门职责' }
  }
  return allowed.includes(step) ? { step, department: d.name } : null
}

/** Where the level holding `c` may route it: enabled departments it may summon, never the one that had it last (it sent it back, or its result fell short). */
function routable(c: CaseSummary, departments: readonly DepartmentInfo[]): DepartmentInfo[] {
  return departments.filter((d) => d.name !== c.department && mayRoute(d, c.level, c.townshipCode) === null)
}

/** A lead department and, now and then, an assisting one. */
function route(rng: Rng, level: CaseLevel, targets: readonly DepartmentInfo[]): StepRequest {
  const [lead, helper] = rng.shuffle(targets)
  const assisting = helper && rng.chance(ASSISTED) ? { assisting: [helper.name] } : {}
  return { step: 'route', lead: lead!.name, ...assisting, note: level === 'township' ? '街道吹哨，部门报到' : '市级派单，部门报到' }
}

/** Closing with an outcome and the reporter's satisfaction, both drawn: never a default. */
function close(rng: Rng, c: CaseSummary): StepRequest {
  const resolved = rng.chance(RESOLVED)
  const satisfaction = rng.weighted(resolved ? SATISFACTION.resolved : SATISFACTION.unresolved)
  const note = c.category === 'hazard'
    ? (resolved ? '隐患已整改到位' : '隐患未能消除，已移交执法部门')
    : (resolved ? '矛盾已化解，当事人签字确认' : '调解未成功，引导当事人通过诉讼途径解决')
  return { step: 'close', resolved, satisfaction, note }
}

/** A follow-up visit; an unsatisfied reporter reopens the case. */
function followUp(rng: Rng, c: CaseSummary): StepRequest {
  const satisfaction = rng.weighted(CALLED_BACK[c.resolved === false ? 'unresolved' : 'resolved'])
  return { step: 'follow_up', satisfaction, note: satisfaction === 'unsatisfied' ? '群众表示问题未解决' : '群众认可处理结果' }
}
