import { describe, expect, it } from 'vitest'
import { CaseState } from '../../contract/domain'
import {
  ActionRefused, assignment, type CaseFacts, escalation, escalationByHand, firstDue, IllegalStep, nextSteps, takeStep,
} from '../../domain/caseLoop'
import { DEFAULT_LIMITS } from '../../domain/timeLimits'

const HOUR = 3_600_000
const t0 = new Date('2026-11-23T08:00:00Z')
const fresh: CaseFacts = { category: 'dispute', kind: 'neighbour', level: 'grid', state: 'collected', dueAt: new Date(t0.getTime() + 72 * HOUR), escalations: 0 }

describe('which step may follow', () => {
  it('follows the loop: collect → verify → handle → report up → route → feed back → close', () => {
    expect(nextSteps('collected', 'grid')).toEqual(['verify', 'supervise'])
    expect(nextSteps('verified', 'grid')).toEqual(['handle', 'report_up', 'supervise'])
    expect(nextSteps('handling', 'township')).toEqual(['feed_back', 'handle', 'report_up', 'route', 'supervise'])
    expect(nextSteps('fed_back', 'grid')).toEqual(['close', 'handle', 'supervise'])
    expect(nextSteps('closed', 'grid')).toEqual([])
  })

  it('summons departments only from the township up, and reports nothing above the city', () => {
    expect(nextSteps('handling', 'grid')).not.toContain('route')
    expect(nextSteps('reported_up', 'city')).toEqual(['handle', 'route', 'supervise'])
  })

  it('never offers assigning as a step: it is an action beside the loop', () => {
    for (const state of CaseState.options) {
      for (const level of ['grid', 'community', 'township', 'city'] as const) {
        for (const role of ['duty_leader', 'grid_worker', 'service'] as const) expect(nextSteps(state, level, role)).not.toContain('assign')
      }
    }
  })

  it('lets a grid worker act only at the grid, an operator never, a duty leader always', () => {
    expect(nextSteps('verified', 'grid', 'grid_worker')).toEqual(['handle', 'report_up'])
    expect(nextSteps('reported_up', 'community', 'grid_worker')).toEqual([])
    expect(nextSteps('verified', 'grid', 'operator')).toEqual([])
    expect(nextSteps('verified', 'community', 'duty_leader')).toContain('supervise')
  })
})

describe('taking a step', () => {
  it('reports up one level and gives that level its full time', () => {
    const verified = { ...fresh, state: 'verified' as const }
    const out = takeStep(verified, { step: 'report_up', note: '' }, 'grid_worker', t0)
    expect(out).toMatchObject({ level: 'community', state: 'reported_up', dueAt: new Date(t0.getTime() + 120 * HOUR) })
    expect(out.entry).toMatchObject({ step: 'report_up', actorRole: 'grid_worker', level: 'community' })
  })

  it('closes with the outcome and the parties’ satisfaction, and no due time', () => {
    const out = takeStep({ ...fresh, state: 'fed_back' }, { step: 'close', note: '', resolved: true, satisfaction: 'satisfied' }, 'duty_leader', t0)
    expect(out).toMatchObject({ state: 'closed', closedAt: t0, dueAt: null, resolved: true, satisfaction: 'satisfied' })
  })

  it('refuses an illegal step, naming the state and what may follow', () => {
    expect(() => takeStep(fresh, { step: 'close', note: '' }, 'duty_leader', t0)).toThrow(
      new IllegalStep('collected', 'grid', ['verify', 'supervise'], 'close'),
    )
    expect(() => takeStep(fresh, { step: 'close', note: '' }, 'duty_leader', t0)).toThrow(/case is collected at grid level; cannot close; next may be verify, supervise/)
  })
})

describe('escalation on overdue', () => {
  it('moves a case up once per lapse, with a platform supervise step, until the city', () => {
    const lapse1 = new Date(fresh.dueAt!.getTime() + 1)
    expect(escalation(fresh, new Date(fresh.dueAt!.getTime() - 1))).toBeNull()
    const first = escalation(fresh, lapse1)!
    expect(first).toMatchObject({ level: 'community', escalations: 1, dueAt: new Date(lapse1.getTime() + 120 * HOUR) })
    expect(first.entry).toMatchObject({ step: 'supervise', actorRole: 'platform', level: 'community' })
    const atCommunity = { ...fresh, level: first.level, dueAt: first.dueAt, escalations: first.escalations }
    expect(escalation(atCommunity, lapse1)).toBeNull()
    const second = escalation(atCommunity, new Date(first.dueAt!.getTime()))!
    expect(second).toMatchObject({ level: 'township', escalations: 2 })
    expect(escalation({ ...fresh, level: 'city' }, lapse1)).toBeNull()
  })

  it('compresses every limit by the demo’s scale, and only then', () => {
    const demo = { ...DEFAULT_LIMITS, scale: 120 }
    const out = takeStep({ ...fresh, state: 'verified' }, { step: 'report_up', note: '' }, 'grid_worker', t0, demo)
    expect(out.dueAt).toEqual(new Date(t0.getTime() + HOUR))
    expect(firstDue(fresh, t0, demo)).toEqual(new Date(t0.getTime() + 36 * 60_000))
    expect(firstDue(fresh, t0)).toEqual(new Date(t0.getTime() + 72 * HOUR))
  })

  it('never escalates a closed case', () => {
    expect(escalation({ ...fresh, state: 'closed' }, new Date(fresh.dueAt!.getTime() + HOUR))).toBeNull()
  })
})

describe('a duty leader’s actions beside the loop', () => {
  it('escalates by hand as the platform does, due or not: one level up, a supervise step with the reason, the new level’s full time', () => {
    const before = new Date(fresh.dueAt!.getTime() - 24 * HOUR)
    const out = escalationByHand({ ...fresh, state: 'handling' }, '群众多次反映，社区未处置', before)
    expect(out).toMatchObject({ level: 'community', state: 'handling', escalations: 1, dueAt: new Date(before.getTime() + 120 * HOUR) })
    expect(out.entry).toEqual({
      step: 'supervise', actorRole: 'duty_leader', level: 'community', at: before, department: null, note: '群众多次反映，社区未处置', assignee: null,
    })
    const platform = escalation(fresh, new Date(fresh.dueAt!.getTime() + 1))!
    const byHand = escalationByHand(fresh, 'x', new Date(fresh.dueAt!.getTime() + 1))
    expect({ ...byHand, entry: undefined }).toEqual({ ...platform, entry: undefined })
  })

  it('refuses to escalate a closed case, or one at the city', () => {
    expect(() => escalationByHand({ ...fresh, state: 'closed' }, 'x', t0)).toThrow(new ActionRefused('case is closed; a closed case cannot be escalated'))
    expect(() => escalationByHand({ ...fresh, level: 'city' }, 'x', t0)).toThrow(new ActionRefused('case is at city level; there is no level above to escalate to'))
  })

  it('assigns a post without moving the case: state, level and due time stay', () => {
    const verified: CaseFacts = { ...fresh, state: 'verified', level: 'community', escalations: 1 }
    const out = assignment(verified, '231281001001001-F1', '请今日入户核实', t0)
    expect(out).toEqual({
      level: 'community', state: 'verified', dueAt: fresh.dueAt, escalations: 1, closedAt: null, resolved: null, satisfaction: null,
      entry: { step: 'assign', actorRole: 'duty_leader', level: 'community', at: t0, department: null, note: '请今日入户核实', assignee: '231281001001001-F1' },
    })
    expect(() => assignment({ ...fresh, state: 'closed' }, '231281001001001-F1', '', t0)).toThrow(new ActionRefused('case is closed; a closed case cannot be assigned'))
  })
})
