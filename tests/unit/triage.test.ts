import { describe, expect, it } from 'vitest'
import { CaseSummary } from '../../contract'
import { DEFAULT_LIMITS } from '../../domain/timeLimits'
import { attentionOf, isUrgent, needingAttention } from '../../domain/triage'

const now = Date.parse('2026-11-23T12:00:00.000Z')
const hours = (h: number) => new Date(now + h * 3_600_000).toISOString()

const aCase = (id: number, extra: Partial<CaseSummary> = {}): CaseSummary => CaseSummary.parse({
  id, code: `AD${id}`, category: 'dispute', kind: 'neighbour', source: 'hotline_12345', location: [125.32, 46.4],
  gridCode: '231281001001001', communityCode: '231281001001', townshipCode: '231281001000', level: 'grid', state: 'verified',
  reportedAt: '2026-11-23T08:00:00.000Z', dueAt: hours(30), escalations: 0, closedAt: null, resolved: null,
  satisfaction: null, version: 1, assignee: null, department: null, ...extra,
})

describe('what needs a duty leader now', () => {
  it('calls urgent the hazards the time limits give an hour to sign for: fire, gas, electricity, flood', () => {
    for (const kind of ['fire', 'gas', 'electric', 'flood']) expect(isUrgent({ category: 'hazard', kind })).toBe(true)
    expect(isUrgent({ category: 'hazard', kind: 'road' })).toBe(false)
    expect(isUrgent({ category: 'dispute', kind: 'neighbour' })).toBe(false)
    // The rule follows the limits: a kind given the ordinary clocks is no longer urgent.
    const kinds = Object.fromEntries(Object.entries(DEFAULT_LIMITS.kinds).filter(([k]) => k !== 'fire'))
    expect(isUrgent({ category: 'hazard', kind: 'fire' }, { ...DEFAULT_LIMITS, kinds })).toBe(false)
  })

  it('says why: overdue, due within the hours given, moved up, urgent; nothing for a closed case or one that can wait', () => {
    expect(attentionOf(aCase(1, { dueAt: hours(-1) }), now)).toEqual(['overdue'])
    expect(attentionOf(aCase(1, { dueAt: hours(3.5) }), now)).toEqual(['due_soon'])
    expect(attentionOf(aCase(1, { dueAt: hours(3.5) }), now, 3)).toEqual([])
    expect(attentionOf(aCase(1, { escalations: 2 }), now)).toEqual(['escalated'])
    expect(attentionOf(aCase(1, { category: 'hazard', kind: 'gas', dueAt: hours(-2), escalations: 1 }), now)).toEqual(['overdue', 'escalated', 'urgent'])
    expect(attentionOf(aCase(1), now)).toEqual([])
    expect(attentionOf(aCase(1, { state: 'closed', dueAt: null, escalations: 1, category: 'hazard', kind: 'fire' }), now)).toEqual([])
  })

  it('lists only those, the most overdue first, then the least time left', () => {
    const cases = [
      aCase(1, { dueAt: hours(2) }), aCase(2), aCase(3, { dueAt: hours(-5) }), aCase(4, { escalations: 1, dueAt: hours(20) }),
      aCase(5, { dueAt: hours(-1) }), aCase(6, { category: 'hazard', kind: 'fire', dueAt: hours(40) }),
    ]
    expect(needingAttention(cases, now).map((c) => c.id)).toEqual([3, 5, 1, 4, 6])
  })
})
