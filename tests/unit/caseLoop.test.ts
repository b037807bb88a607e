import { describe, expect, it } from 'vitest'
import { Role } from '../../contract/auth'
import { CaseLevel, CaseState, type LoopStep } from '../../contract/domain'
import {
  ActionRefused, type Actor, arrival, assignment, type CaseFacts, escalation, escalationByHand, IllegalStep, nextSteps, type RouteFacts,
  type StepInput, takeStep,
} from '../../domain/caseLoop'
import { DEFAULT_LIMITS, limitsFrom } from '../../domain/timeLimits'

const HOUR = 3_600_000
const t0 = new Date('2026-11-23T08:00:00Z')
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR)

/** A neighbours' quarrel the grid worker found and has in hand: signed for, three days to handle it. */
const fresh: CaseFacts = {
  category: 'dispute', kind: 'neighbour', level: 'grid', state: 'collected', dueAt: at(72), escalations: 0, signedAt: t0, sender: null,
  routes: [], closedAt: null, resolved: null, satisfaction: null, followedUpAt: null, sendBacks: 0, reopened: 0,
}
/** The same quarrel as a hotline call the centre sent down: waiting for the grid to sign for it. */
const hotline: CaseFacts = { ...fresh, signedAt: null, sender: 'city', dueAt: at(2) }

const as = (role: Role, department: string | null = null): Actor => ({ role, department })
const leader = as('duty_leader')
const grid = as('grid_worker')
const community = as('community_officer')
const township = as('township_officer')
const office = as('department_officer', '新兴街道司法所')
const police = as('department_officer', '新兴街道派出所')

const route = (department: string, lead: boolean, signedAt: Date | null = null): RouteFacts => ({ department, lead, routedAt: t0, signDueAt: at(24), signedAt })
/** Routed by the township to its justice office (lead) and police station (assisting), neither reported yet. */
const routed: CaseFacts = {
  ...fresh, level: 'township', state: 'routed', dueAt: at(24), routes: [route('新兴街道司法所', true), route('新兴街道派出所', false)],
}
const step = (s: LoopStep, extra: Partial<StepInput> = {}): StepInput => ({ step: s, note: '', ...extra })

describe('arriving and signing for (签收)', () => {
  it('gives a grid worker’s own report to the grid signed, a channel’s report waiting to be signed within the sign-for limit', () => {
    expect(arrival({ kind: 'neighbour', source: 'grid_worker' }, t0)).toEqual({ signedAt: t0, sender: null, dueAt: at(72) })
    expect(arrival({ kind: 'neighbour', source: 'hotline_12345' }, t0)).toEqual({ signedAt: null, sender: 'city', dueAt: at(2) })
    expect(arrival({ kind: 'gas', source: 'police_110' }, t0)).toEqual({ signedAt: null, sender: 'city', dueAt: at(1) })
  })

  it('lets a holder do nothing with a case but sign for it or send it back until it has signed', () => {
    expect(nextSteps(hotline, grid, t0)).toEqual(['sign_for', 'send_back'])
    expect(() => takeStep(hotline, step('verify'), grid, t0)).toThrow(
      /case is collected at grid level, waiting to be signed for; cannot verify; next may be sign_for, send_back/,
    )
  })

  it('starts the handling clock when the holder signs, and records the sign-for clock it answered to', () => {
    const out = takeStep(hotline, step('sign_for'), grid, at(1))
    expect(out.facts).toMatchObject({ signedAt: at(1), dueAt: at(73) })
    expect(out.entry).toMatchObject({ step: 'sign_for', actorRole: 'grid_worker', level: 'grid', dueAt: at(2) })
  })

  it('moves a case whose sign-for limit lapsed to the level above, to be signed for there', () => {
    const out = escalation(hotline, at(2))!
    expect(out.facts).toMatchObject({ level: 'community', signedAt: null, sender: null, escalations: 1, dueAt: at(6) })
    expect(out.entry).toMatchObject({ step: 'supervise', actorRole: 'platform', note: '超时未签收，平台自动上提督办', dueAt: at(2) })
    expect(nextSteps(out.facts as CaseFacts, community, at(2))).toEqual(['sign_for'])
  })
})

describe('the loop at one level', () => {
  it('follows sign → verify → handle → feed back → answer → close at the grid', () => {
    let c: CaseFacts = hotline
    const take = (s: StepInput, who = grid, when = t0) => {
      const out = takeStep(c, s, who, when)
      c = { ...c, ...out.facts }
      return out
    }
    take(step('sign_for'))
    expect(nextSteps(c, grid, t0)).toEqual(['verify', 'send_back'])
    take(step('verify'))
    expect(nextSteps(c, grid, t0)).toEqual(['handle', 'report_up'])
    take(step('handle'))
    expect(nextSteps(c, grid, t0)).toEqual(['handle', 'report_up', 'feed_back'])
    take(step('feed_back'))
    expect(nextSteps(c, grid, t0)).toEqual(['handle', 'answer', 'close'])
    expect(take(step('answer', { channel: 'phone', note: '已电话告知' })).entry).toMatchObject({ step: 'answer', channel: 'phone', note: '已电话告知' })
    expect(c.state).toBe('fed_back')
    const closed = take(step('close', { resolved: true, satisfaction: 'not_visited' }), grid, at(5))
    expect(closed.facts).toMatchObject({ state: 'closed', closedAt: at(5), dueAt: null, resolved: true, satisfaction: 'not_visited' })
  })

  it('reports up one level, to be signed for there within that level’s sign-for limit, by the level that sent it', () => {
    const out = takeStep({ ...fresh, state: 'verified' }, step('report_up'), grid, t0)
    expect(out.facts).toMatchObject({ level: 'community', state: 'reported_up', signedAt: null, sender: 'grid', dueAt: at(4) })
    expect(out.entry).toMatchObject({ step: 'report_up', actorRole: 'grid_worker', level: 'community' })
  })

  it('dispatches a case from a level above to a grid, waiting to be signed there', () => {
    const out = takeStep({ ...fresh, level: 'township', state: 'handling' }, step('dispatch', { grid: '231281001001002' }), township, t0)
    expect(out.moveTo).toBe('231281001001002')
    expect(out.facts).toMatchObject({ level: 'grid', state: 'collected', signedAt: null, sender: 'township', dueAt: at(2) })
    expect(nextSteps({ ...fresh, state: 'handling' }, grid, t0)).not.toContain('dispatch')
  })

  it('refuses an illegal step, naming the state and what may follow for this role', () => {
    expect(() => takeStep(fresh, step('close', { resolved: true, satisfaction: 'satisfied' }), leader, t0)).toThrow(
      new IllegalStep('collected', 'grid', ['verify', 'supervise'], 'close', false),
    )
    expect(() => takeStep(fresh, step('close'), leader, t0)).toThrow(/case is collected at grid level; cannot close; next may be verify, supervise/)
  })
})

describe('sending back (退回)', () => {
  it('returns a channel’s report to the centre that sent it, counted, with the reason, for the centre to send on', () => {
    const out = takeStep(hotline, step('send_back', { reason: 'wrong_grid', note: '地址在相邻网格' }), grid, t0)
    expect(out.facts).toMatchObject({ level: 'city', state: 'returned', signedAt: t0, sender: null, sendBacks: 1, dueAt: at(24) })
    expect(out.entry).toMatchObject({ step: 'send_back', level: 'city', reason: 'wrong_grid', dueAt: at(2) })
    expect(nextSteps(out.facts as CaseFacts, leader, t0)).toEqual(['handle', 'dispatch', 'route', 'supervise', 'close'])
  })

  it('returns a case reported up to the level below; never one the platform moved up, nor the grid’s own report', () => {
    const up = takeStep({ ...fresh, state: 'verified' }, step('report_up'), grid, t0)
    const back = takeStep({ ...fresh, ...up.facts }, step('send_back', { reason: 'other', note: '属网格职责' }), community, t0)
    expect(back.facts).toMatchObject({ level: 'grid', state: 'returned', sendBacks: 1 })
    const escalated = { ...fresh, ...escalation(fresh, at(72))!.facts }
    expect(nextSteps(escalated, community, at(72))).toEqual(['sign_for'])
    expect(nextSteps(fresh, grid, t0)).toEqual(['verify'])
  })
})

describe('街道吹哨、部门报到', () => {
  const handling: CaseFacts = { ...fresh, level: 'township', state: 'handling' }

  it('routes from the township up to a lead and assisting departments, each with its own 报到 clock', () => {
    expect(nextSteps({ ...fresh, state: 'handling' }, grid, t0)).not.toContain('route')
    expect(nextSteps({ ...fresh, level: 'community', state: 'handling' }, community, t0)).not.toContain('route')
    const out = takeStep(handling, step('route', { lead: '新兴街道司法所', assisting: ['新兴街道派出所'] }), township, t0)
    expect(out.facts).toMatchObject({ state: 'routed', level: 'township', dueAt: at(24) })
    expect(out.facts.routes).toEqual([route('新兴街道司法所', true), route('新兴街道派出所', false)])
    expect(out.entry).toMatchObject({ step: 'route', department: '新兴街道司法所', assisting: ['新兴街道派出所'], actorRole: 'township' })
  })

  it('lets each department report (报到) or send back; then handle; only the lead feeds the result back', () => {
    expect(nextSteps(routed, office, t0)).toEqual(['sign_for', 'send_back'])
    expect(nextSteps(routed, as('department_officer', '安达市教育局'), t0)).toEqual([])
    const reported = { ...routed, ...takeStep(routed, step('sign_for'), office, at(3)).facts }
    expect(reported.routes[0]!.signedAt).toEqual(at(3))
    // The assisting department still owes its 报到: the clock is its sign-for limit.
    expect(reported.dueAt).toEqual(at(24))
    expect(nextSteps(reported, office, at(3))).toEqual(['handle', 'send_back', 'feed_back'])
    const both = { ...reported, ...takeStep(reported, step('sign_for'), police, at(4)).facts }
    // Everyone reported: the lead's handling time runs from its 报到.
    expect(both.dueAt).toEqual(at(3 + 168))
    expect(nextSteps(both, police, at(4))).toEqual(['handle', 'send_back'])
    const entry = takeStep(both, step('handle', { note: '已联系双方' }), office, at(5)).entry
    expect(entry).toMatchObject({ step: 'handle', actorRole: 'department', department: '新兴街道司法所' })
  })

  it('drops an assisting department that sends back; gives the whole case back to the router when the lead does', () => {
    const assistBack = takeStep(routed, step('send_back', { reason: 'wrong_department' }), police, t0)
    expect(assistBack.facts.routes.map((r) => r.department)).toEqual(['新兴街道司法所'])
    expect(assistBack).toMatchObject({ routesEnded: 'sent_back', facts: { state: 'routed', sendBacks: 1 } })
    const leadBack = takeStep(routed, step('send_back', { reason: 'wrong_department' }), office, t0)
    expect(leadBack).toMatchObject({ routesEnded: 'sent_back', facts: { state: 'returned', level: 'township', routes: [], sendBacks: 1, dueAt: at(8) } })
    expect(nextSteps(leadBack.facts as CaseFacts, township, t0)).toEqual(['handle', 'dispatch', 'route', 'close'])
  })

  it('sends the lead’s result to the router, who checks it (审核): accepted it is the router’s to answer and close; rejected the lead works on', () => {
    const signed: CaseFacts = { ...routed, routes: [route('新兴街道司法所', true, t0)] }
    const fedBack = { ...signed, ...takeStep(signed, step('feed_back', { note: '已调解' }), office, at(10)).facts }
    expect(fedBack).toMatchObject({ state: 'fed_back', dueAt: at(18) })
    expect(nextSteps(fedBack, township, at(10))).toEqual(['check'])
    expect(nextSteps(fedBack, office, at(10))).toEqual([])
    const accepted = takeStep(fedBack, step('check', { accepted: true }), township, at(11))
    expect(accepted).toMatchObject({ routesEnded: 'accepted', facts: { state: 'checked', routes: [] } })
    expect(nextSteps({ ...fedBack, ...accepted.facts }, township, at(11))).toEqual(['answer', 'close'])
    const rejected = takeStep(fedBack, step('check', { accepted: false, note: '请补充调解协议' }), township, at(11))
    expect(rejected).toMatchObject({ routesEnded: null, facts: { state: 'routed', dueAt: at(11 + 168) }, entry: { accepted: false } })
    expect(nextSteps({ ...fedBack, ...rejected.facts }, office, at(11))).toEqual(['handle', 'send_back', 'feed_back'])
  })

  it('lets a duty leader or a service act for a department only by naming it', () => {
    expect(nextSteps(routed, leader, t0)).toEqual(['route', 'supervise'])
    expect(nextSteps(routed, as('service', '新兴街道司法所'), t0)).toEqual(['sign_for', 'route', 'send_back'])
    const out = takeStep(routed, step('sign_for', { department: '新兴街道司法所' }), as('service', '新兴街道司法所'), t0)
    expect(out.entry).toMatchObject({ actorRole: 'department', department: '新兴街道司法所' })
  })

  it('moves a case up when a department lets its 报到 lapse, the departments still on it', () => {
    const out = escalation(routed, at(24))!
    expect(out.facts).toMatchObject({ level: 'city', state: 'routed', signedAt: null, escalations: 1 })
    expect(out.facts.routes).toHaveLength(2)
    expect(out.entry.note).toBe('部门超时未报到，平台自动上提督办')
    expect(nextSteps(out.facts as CaseFacts, office, at(24))).toEqual(['sign_for', 'send_back'])
  })
})

describe('closing and following up (回访)', () => {
  const closed: CaseFacts = { ...fresh, state: 'closed', closedAt: t0, dueAt: null, resolved: true, satisfaction: 'satisfied' }

  it('lets the closing level, a duty leader and the seats follow up within the window, once', () => {
    for (const who of [grid, leader, as('operator')]) expect(nextSteps(closed, who, at(24))).toEqual(['follow_up'])
    expect(nextSteps(closed, community, at(24))).toEqual([])
    expect(nextSteps(closed, grid, at(15 * 24 + 1))).toEqual([])
    const out = takeStep(closed, step('follow_up', { satisfaction: 'basically_satisfied' }), as('operator'), at(24))
    expect(out.facts).toMatchObject({ state: 'closed', followedUpAt: at(24), satisfaction: 'basically_satisfied', resolved: true })
    expect(out.entry).toMatchObject({ actorRole: 'city', satisfaction: 'basically_satisfied' })
    expect(nextSteps({ ...closed, ...out.facts }, grid, at(25))).toEqual([])
  })

  it('reopens a case at the level that closed it when the reporter is dissatisfied, to be signed for again', () => {
    const atTownship = { ...closed, level: 'township' as const }
    const out = takeStep(atTownship, step('follow_up', { satisfaction: 'unsatisfied', note: '问题未解决' }), leader, at(48))
    expect(out.facts).toMatchObject({
      state: 'reopened', level: 'township', closedAt: null, resolved: null, satisfaction: null, signedAt: null, reopened: 1, dueAt: at(56),
    })
    expect(nextSteps(out.facts as CaseFacts, township, at(48))).toEqual(['sign_for'])
    const signed = { ...atTownship, ...out.facts, signedAt: at(49) }
    expect(nextSteps(signed, township, at(49))).toEqual(['handle', 'report_up', 'dispatch', 'route'])
  })

  it('refuses a follow-up that reached nobody', () => {
    expect(() => takeStep(closed, step('follow_up', { satisfaction: 'not_visited' }), grid, at(1))).toThrow(ActionRefused)
  })
})

describe('who may act, at every level', () => {
  const levels = CaseLevel.options
  const people: Actor[] = [grid, community, township, leader, office, as('operator'), as('analyst'), as('wall_display'), as('admin')]

  it('lets an officer act only at their own level, the seats only answer and follow up, the watchers never', () => {
    for (const state of CaseState.options) {
      for (const level of levels) {
        const c: CaseFacts = { ...fresh, state, level, closedAt: state === 'closed' ? t0 : null }
        for (const who of people) {
          const steps = nextSteps(c, who, t0)
          const own = { grid_worker: 'grid', community_officer: 'community', township_officer: 'township' }[who.role as string]
          if (own && own !== level) expect(steps, `${who.role} at ${level} ${state}`).toEqual([])
          if (who.role === 'operator') expect(steps.every((s) => s === 'answer' || s === 'follow_up'), `operator ${level} ${state}`).toBe(true)
          if (['analyst', 'wall_display', 'admin'].includes(who.role)) expect(steps).toEqual([])
          // The case is routed to no department: a department officer has nothing to do with it.
          if (who.role === 'department_officer') expect(steps).toEqual([])
        }
      }
    }
  })

  it('takes every step it offers and refuses every step it does not, for every state × level × role × signed or not', () => {
    const inputs: Record<LoopStep, StepInput> = {
      collect: step('collect'), sign_for: step('sign_for'), verify: step('verify'), handle: step('handle'), report_up: step('report_up'),
      dispatch: step('dispatch', { grid: '231281001001002' }), route: step('route', { lead: '新兴街道司法所' }),
      send_back: step('send_back', { reason: 'other', note: 'x' }), supervise: step('supervise'), feed_back: step('feed_back'),
      check: step('check', { accepted: true }), answer: step('answer', { channel: 'sms', note: 'x' }),
      close: step('close', { resolved: false, satisfaction: 'unsatisfied' }), follow_up: step('follow_up', { satisfaction: 'satisfied' }),
    }
    let taken = 0
    for (const state of CaseState.options) {
      for (const level of levels) {
        for (const signedAt of [t0, null]) {
          // Departments hold a case only while it is routed or its result awaits the router's check.
          for (const routes of state === 'routed' || state === 'fed_back' ? [[], routed.routes] : [[]]) {
            const c: CaseFacts = { ...fresh, state, level, signedAt, routes, sender: 'grid', closedAt: state === 'closed' ? t0 : null }
            for (const role of Role.options) {
              const who = as(role, role === 'department_officer' ? '新兴街道司法所' : null)
              const offered = new Set(nextSteps(c, who, t0))
              for (const [s, input] of Object.entries(inputs) as [LoopStep, StepInput][]) {
                const where = `${role} ${s} on ${state} at ${level}, ${signedAt ? 'signed' : 'unsigned'}, ${routes.length} routes`
                if (!offered.has(s)) {
                  expect(() => takeStep(c, input, who, t0), where).toThrow(IllegalStep)
                  continue
                }
                const out = takeStep(c, input, who, t0)
                taken++
                // Whatever the step, the facts stay whole: closed exactly when closed, a clock while open, routes only while routed or checking.
                expect(out.facts.state === 'closed', where).toBe(out.facts.closedAt !== null)
                expect(out.facts.state === 'closed' || out.facts.dueAt !== null, where).toBe(true)
                if (out.facts.routes.length) expect(['routed', 'fed_back'], where).toContain(out.facts.state)
              }
            }
          }
        }
      }
    }
    expect(taken).toBeGreaterThan(500)
  })
})

describe('escalation on overdue', () => {
  it('moves a case up once per lapse, with a platform supervise step, until the city', () => {
    expect(escalation(fresh, at(71))).toBeNull()
    const first = escalation(fresh, at(72))!
    expect(first.facts).toMatchObject({ level: 'community', escalations: 1, dueAt: at(76), signedAt: null })
    expect(first.entry).toMatchObject({ step: 'supervise', actorRole: 'platform', level: 'community', note: '超时未办结，平台自动上提督办' })
    const atCommunity = { ...fresh, ...first.facts }
    expect(escalation(atCommunity, at(75))).toBeNull()
    expect(escalation(atCommunity, at(76))!.facts).toMatchObject({ level: 'township', escalations: 2 })
    expect(escalation({ ...fresh, level: 'city' }, at(1000))).toBeNull()
  })

  it('compresses every limit by the demo’s scale, and only then', () => {
    const demo = limitsFrom([], 120)
    expect(takeStep({ ...fresh, state: 'verified' }, step('report_up'), grid, t0, demo).facts.dueAt).toEqual(new Date(t0.getTime() + 2 * 60_000))
    expect(arrival({ kind: 'neighbour', source: 'grid_worker' }, t0, demo).dueAt).toEqual(new Date(t0.getTime() + 36 * 60_000))
    expect(arrival({ kind: 'neighbour', source: 'grid_worker' }, t0, DEFAULT_LIMITS).dueAt).toEqual(at(72))
  })

  it('never escalates a closed case', () => {
    expect(escalation({ ...fresh, state: 'closed', closedAt: t0 }, at(1000))).toBeNull()
  })
})

describe('actions beside the loop', () => {
  it('escalates by hand as the platform does, due or not: one level up, a supervise step with the reason, to be signed for there', () => {
    const out = escalationByHand({ ...fresh, state: 'handling' }, '群众多次反映，社区未处置', at(48))
    expect(out.facts).toMatchObject({ level: 'community', state: 'handling', escalations: 1, signedAt: null, dueAt: at(52) })
    expect(out.entry).toMatchObject({ step: 'supervise', actorRole: 'duty_leader', level: 'community', note: '群众多次反映，社区未处置' })
    const platform = escalation(fresh, at(72))!
    const byHand = escalationByHand(fresh, 'x', at(72))
    expect(byHand.facts).toEqual(platform.facts)
  })

  it('refuses to escalate a closed case, or one at the city', () => {
    expect(() => escalationByHand({ ...fresh, state: 'closed' }, 'x', t0)).toThrow(new ActionRefused('case is closed; a closed case cannot be escalated'))
    expect(() => escalationByHand({ ...fresh, level: 'city' }, 'x', t0)).toThrow(new ActionRefused('case is at city level; there is no level above to escalate to'))
  })

  it('assigns a post without moving the case: state, level and clocks stay; the history says who assigned', () => {
    const verified: CaseFacts = { ...fresh, state: 'verified', level: 'community', escalations: 1 }
    const out = assignment(verified, '231281001001001-F1', '请今日入户核实', 'community_officer', t0)
    const { category: _c, kind: _k, ...facts } = verified
    expect(out.facts).toEqual(facts)
    expect(out.entry).toMatchObject({ step: 'assign', actorRole: 'community', level: 'community', note: '请今日入户核实', assignee: '231281001001001-F1' })
    expect(() => assignment({ ...fresh, state: 'closed' }, '231281001001001-F1', '', 'duty_leader', t0)).toThrow(new ActionRefused('case is closed; a closed case cannot be assigned'))
  })
})
