import { describe, expect, it } from 'vitest'
import type { CaseSummary, StepRequest } from '../../contract/cases'
import type { DepartmentInfo } from '../../contract/departments'
import { CaseLevel, CaseState } from '../../contract/domain'
import { nextSteps, viewOf } from '../../domain/caseLoop'
import { createRng } from '../../data/city/rng'
import { type Known, learn, likelyStep, planFor } from '../../data/traffic/caseFlow'

const HOUR = 3_600_000
const now = new Date('2026-11-23T08:00:00Z')
const iso = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString()

const XINXING = '231281001000'
const departments: DepartmentInfo[] = [
  { name: '新兴街道司法所', level: 'township', townshipCode: XINXING, enabled: true },
  { name: '新兴街道派出所', level: 'township', townshipCode: XINXING, enabled: true },
  { name: '任民镇司法所', level: 'township', townshipCode: '231281101000', enabled: true },
  { name: '安达市住房和城乡建设局', level: 'city', townshipCode: null, enabled: true },
  { name: '安达市应急管理局', level: 'city', townshipCode: null, enabled: false },
]

/** A neighbours' quarrel a grid worker found in 新兴街道 and has in hand, three days to go. */
const base: CaseSummary = {
  id: 1, code: 'SJ-1', category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: [125.32, 46.4], gridCode: '231281001001001',
  communityCode: '231281001001', townshipCode: XINXING, level: 'grid', state: 'handling', reportedAt: iso(-1), dueAt: iso(72), escalations: 0,
  closedAt: null, resolved: null, satisfaction: null, version: 3, assignee: null, department: null, signedAt: iso(-1), departments: [],
  sender: null, sendBacks: 0, reopened: 0, followedUpAt: null, acknowledgedAt: null,
}
const known = (over: Partial<CaseSummary>, done: string[] = []): Known => ({ c: { ...base, ...over }, done: new Set(done) })
/** A hotline call the centre sent down to the grid, waiting to be signed for. */
const hotline = known({ source: 'hotline_12345', state: 'collected', signedAt: null, sender: 'city', dueAt: iso(2) })
/** Routed by the township to its justice office (lead) and the city's housing bureau (assisting), neither reported yet. */
const routes = (signed: boolean) => [
  { name: '新兴街道司法所', lead: true, signDueAt: iso(24), signedAt: signed ? iso(-1) : null },
  { name: '安达市住房和城乡建设局', lead: false, signDueAt: iso(24), signedAt: signed ? iso(-1) : null },
]
const routed = (signed: boolean, done: string[] = []) =>
  known({ level: 'township', state: 'routed', department: '新兴街道司法所', departments: routes(signed) }, done)

/** The steps drawn for `k` over many tries, counted by step (and reason, department where there is one). */
function draws(k: Known, n = 2000, seed = 'draws'): Map<string, number> {
  const rng = createRng(seed)
  const counts = new Map<string, number>()
  for (let i = 0; i < n; i++) {
    const s = likelyStep(rng, k, departments, now)
    const key = s === null ? 'none' : [s.step, s.reason, s.department].filter(Boolean).join(' ')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}
const share = (counts: Map<string, number>, key: string) => (counts.get(key) ?? 0) / [...counts.values()].reduce((a, b) => a + b, 0)

describe('the simulator’s hands on a case', () => {
  it('signs for a channel’s report at the grid, or now and then sends it back as another grid’s', () => {
    const counts = draws(hotline)
    expect([...counts.keys()].sort()).toEqual(['send_back wrong_grid', 'sign_for'])
    expect(share(counts, 'send_back wrong_grid')).toBeGreaterThan(0.05)
    expect(share(counts, 'send_back wrong_grid')).toBeLessThan(0.12)
  })

  it('signs for a case the platform moved up before anything else at the new level', () => {
    const escalated = known({ level: 'community', state: 'handling', signedAt: null, escalations: 1 })
    expect([...draws(escalated).keys()]).toEqual(['sign_for'])
    expect([...draws({ ...routed(true), c: { ...routed(true).c, level: 'city', signedAt: null } }).keys()]).toEqual(['sign_for'])
  })

  it('handles most cases at the grid, reports some up, and feeds the result back', () => {
    const verified = draws(known({ state: 'verified' }))
    expect(share(verified, 'handle')).toBeGreaterThan(0.8)
    expect(share(verified, 'report_up')).toBeGreaterThan(0.05)
    expect(share(draws(known({})), 'feed_back')).toBeGreaterThan(0.7)
  })

  it('has each department report (报到) for a routed case, naming it, or send it back as not its own', () => {
    const counts = draws(routed(false))
    expect(share(counts, 'sign_for 新兴街道司法所') + share(counts, 'sign_for 安达市住房和城乡建设局')).toBeGreaterThan(0.85)
    expect(share(counts, 'send_back wrong_department 新兴街道司法所')).toBeGreaterThan(0)
    expect([...counts.keys()].every((k) => / (新兴街道司法所|安达市住房和城乡建设局)$/.test(k))).toBe(true)
  })

  it('has each department handle once, and the lead feed back once all have', () => {
    expect(share(draws(routed(true)), 'handle 新兴街道司法所')).toBeGreaterThan(0.4)
    const halfDone = draws(routed(true, ['handle:新兴街道司法所']))
    expect(share(halfDone, 'handle 安达市住房和城乡建设局')).toBeGreaterThan(0.9)
    expect(halfDone.has('handle 新兴街道司法所')).toBe(false)
    const allDone = draws(routed(true, ['handle:新兴街道司法所', 'handle:安达市住房和城乡建设局']))
    expect([...allDone.keys()]).toEqual(['feed_back 新兴街道司法所'])
  })

  it('checks a department’s result, accepting most and sending the rest back for more work', () => {
    const fedBack = known({ level: 'township', state: 'fed_back', department: '新兴街道司法所', departments: routes(true) })
    const rng = createRng('check')
    const checks = Array.from({ length: 1000 }, () => likelyStep(rng, fedBack, departments, now))
    expect(checks.every((s) => s?.step === 'check')).toBe(true)
    const accepted = checks.filter((s) => s?.accepted).length / checks.length
    expect(accepted).toBeGreaterThan(0.75)
    expect(accepted).toBeLessThan(0.95)
  })

  it('routes from a township only to its own offices and the city’s enabled bureaus, never back to the one that had it', () => {
    const returned = known({ level: 'township', state: 'returned', department: '新兴街道司法所' })
    const rng = createRng('route')
    const leads = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const s = likelyStep(rng, returned, departments, now)
      if (s?.step === 'route') for (const d of [s.lead!, ...(s.assisting ?? [])]) leads.add(d)
    }
    expect([...leads].sort()).toEqual(['安达市住房和城乡建设局', '新兴街道派出所'])
  })

  it('dispatches a case a grid sent back to the grid it lies in', () => {
    const counts = draws(known({ level: 'city', state: 'returned', signedAt: iso(0), sendBacks: 1 }))
    expect(share(counts, 'dispatch')).toBeGreaterThan(0.5)
    const rng = createRng('dispatch')
    const grids = new Set(Array.from({ length: 200 }, () => likelyStep(rng, known({ level: 'city', state: 'returned' }), departments, now))
      .flatMap((s) => (s?.step === 'dispatch' ? [s.grid] : [])))
    expect([...grids]).toEqual([base.gridCode])
  })

  it('tells a reporter from outside the result, then closes with a drawn outcome; a grid worker’s own find is closed at once', () => {
    const fedBack = known({ source: 'hotline_12345', state: 'fed_back' })
    expect(likelyStep(createRng('a'), fedBack, departments, now)).toEqual({ step: 'answer', channel: 'phone', note: '已电话告知办理结果' })
    const rng = createRng('close')
    const closes = Array.from({ length: 500 }, () => likelyStep(rng, known({ source: 'hotline_12345', state: 'fed_back' }, ['answer']), departments, now)!)
    expect(closes.every((s) => s.step === 'close' && typeof s.resolved === 'boolean' && s.satisfaction !== undefined)).toBe(true)
    expect(new Set(closes.map((s) => s.satisfaction)).size).toBeGreaterThan(2)
    expect(likelyStep(createRng('b'), known({ state: 'checked' }), departments, now)?.step).toBe('close')
  })

  it('calls back about a third of the closed cases, a few of them unsatisfied', () => {
    const closed = known({ state: 'closed', closedAt: iso(-24), resolved: true, satisfaction: 'satisfied', dueAt: null })
    const counts = draws(closed, 4000)
    expect(share(counts, 'none')).toBeGreaterThan(0.6)
    expect(share(counts, 'follow_up')).toBeGreaterThan(0.28)
    const rng = createRng('visit')
    const said = Array.from({ length: 4000 }, () => likelyStep(rng, closed, departments, now)).flatMap((s) => (s ? [s.satisfaction] : []))
    expect(said.filter((s) => s === 'unsatisfied').length).toBeGreaterThan(0)
    expect(said).not.toContain('not_visited')
  })

  it('takes only steps the loop allows the hand that takes them, in every state at every level', () => {
    const rng = createRng('legal')
    for (const level of CaseLevel.options) {
      for (const state of CaseState.options) {
        for (const signed of [true, false]) {
          for (const departmentsNow of state === 'routed' || state === 'fed_back' ? [routes(true), routes(false)] : [[]]) {
            const c: CaseSummary = {
              ...base, level, state, signedAt: signed ? iso(-1) : null, sender: level === 'grid' ? 'city' : 'grid', departments: departmentsNow,
              closedAt: state === 'closed' ? iso(-1) : null, source: 'mini_program',
            }
            for (let i = 0; i < 50; i++) {
              const s: StepRequest | null = likelyStep(rng, { c, done: new Set() }, departments, now)
              if (!s) continue
              const allowed = nextSteps(viewOf(c), { role: 'service', department: s.department ?? null }, now)
              expect(allowed, `${s.step} at ${level} ${state} ${signed ? 'signed' : 'unsigned'}`).toContain(s.step)
            }
          }
        }
      }
    }
  })
})

describe('when the simulator moves a case', () => {
  it('lets one stage in twenty lapse below the city, looking again once its time is up; the rest in time', () => {
    const rng = createRng('plan')
    // Ten simulated hours left: half an hour of real time at 20 times real speed.
    const pace = { now, speed: 20, slack: 1 }
    const plans = Array.from({ length: 4000 }, () => planFor(rng, known({ dueAt: iso(0.5) }), departments, pace)!)
    const lapsed = plans.filter((p) => p.step === null)
    expect(lapsed.length / plans.length).toBeGreaterThan(0.03)
    expect(lapsed.length / plans.length).toBeLessThan(0.07)
    expect(lapsed.every((p) => Math.abs(p.hours - 10) < 1e-9)).toBe(true)
    expect(plans.filter((p) => p.step !== null).every((p) => p.hours >= 0 && p.hours <= 0.8 * 10 - 1)).toBe(true)
    expect(plans.filter((p) => p.step !== null && p.hours > 4).length).toBeGreaterThan(0)
    const atCity = Array.from({ length: 1000 }, () => planFor(rng, known({ level: 'city', dueAt: iso(0.5) }), departments, pace)!)
    expect(atCity.every((p) => p.step !== null)).toBe(true)
  })

  it('remembers what was done in a state, and forgets it when the state changes or the case is routed anew', () => {
    const handled = learn(routed(true), routed(true).c, { step: 'handle', department: '新兴街道司法所' })
    expect([...handled.done]).toEqual(['handle:新兴街道司法所'])
    expect([...learn(handled, { ...handled.c, version: 9 }).done]).toEqual(['handle:新兴街道司法所'])
    expect([...learn(handled, { ...handled.c, state: 'fed_back' }).done]).toEqual([])
    expect([...learn(handled, handled.c, { step: 'route', lead: '新兴街道派出所' }).done]).toEqual(['route'])
  })
})
