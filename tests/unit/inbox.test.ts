import { describe, expect, it } from 'vitest'
import { CaseSummary } from '../../contract'
import { reachOf } from '../../domain/access'
import { byTimeLeft, inboxOf, inInbox } from '../../domain/inbox'

const aCase = (id: number, extra: Partial<CaseSummary> = {}): CaseSummary => CaseSummary.parse({
  id, code: `AD${id}`, category: 'dispute', kind: 'neighbour', source: 'hotline_12345', location: [125.32, 46.4],
  gridCode: '231281001001001', communityCode: '231281001001', townshipCode: '231281001000', level: 'community', state: 'reported_up',
  reportedAt: '2026-11-23T08:00:00.000Z', dueAt: '2026-11-23T12:00:00.000Z', escalations: 0, closedAt: null, resolved: null,
  satisfaction: null, version: 1, assignee: null, department: null, ...extra,
})

describe('a desk’s inbox', () => {
  it('is an officer’s own level in their area, a department’s routes, or the level a wider scope is', () => {
    expect(inboxOf('community_officer', reachOf({ region: '231281001001' }, false))).toEqual({ level: 'community', prefix: '231281001001', department: null })
    expect(inboxOf('township_officer', reachOf({ region: '231281001000' }, false))).toEqual({ level: 'township', prefix: '231281001', department: null })
    expect(inboxOf('duty_leader', reachOf({ region: '231281000000' }, true))).toEqual({ level: 'city', prefix: '231281', department: null })
    expect(inboxOf('duty_leader', reachOf({ region: '231281001000' }, false))).toEqual({ level: 'township', prefix: '231281001', department: null })
    expect(inboxOf('department_officer', reachOf({ department: '新兴街道司法所' }, false))).toEqual({ level: null, prefix: null, department: '新兴街道司法所' })
  })

  it('holds the open cases at its level in its area, and a department’s those routed to it now', () => {
    const community = inboxOf('community_officer', reachOf({ region: '231281001001' }, false))
    expect(inInbox(aCase(1), community)).toBe(true)
    expect(inInbox(aCase(1, { level: 'township' }), community)).toBe(false)
    expect(inInbox(aCase(1, { gridCode: '231281001002001' }), community)).toBe(false)
    expect(inInbox(aCase(1, { state: 'closed' }), community)).toBe(false)
    const office = inboxOf('department_officer', reachOf({ department: '新兴街道司法所' }, false))
    const routed = { name: '新兴街道司法所', lead: false, signDueAt: '2026-11-24T08:00:00.000Z', signedAt: null }
    expect(inInbox(aCase(2, { level: 'township', state: 'routed', departments: [routed] }), office)).toBe(true)
    // Sent back, or its result accepted: no longer routed to it, though it led the case.
    expect(inInbox(aCase(2, { level: 'township', state: 'checked', department: '新兴街道司法所', departments: [] }), office)).toBe(false)
  })

  it('puts the least time left first, the most overdue first, and a case without a clock last', () => {
    const cases = [aCase(3, { dueAt: '2026-11-25T00:00:00.000Z' }), aCase(2, { dueAt: null }), aCase(1, { dueAt: '2026-11-20T00:00:00.000Z' }), aCase(4)]
    expect(cases.sort(byTimeLeft).map((c) => c.id)).toEqual([1, 4, 3, 2])
  })
})
