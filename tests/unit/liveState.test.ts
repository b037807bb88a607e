import { describe, expect, it } from 'vitest'
import type { CaseSummary, Change, LiveSnapshot } from '../../contract'
import { applyChanges, fromSnapshot, overdueCases } from '../../client/src/live/liveState'

const aCase = (id: number, extra: Partial<CaseSummary> = {}): CaseSummary => ({
  id, code: `AD20261123${String(id).padStart(6, '0')}`, category: 'dispute', kind: 'neighbour', source: 'grid_worker',
  location: [125.32, 46.4], gridCode: '231281001001001', communityCode: '231281001001', townshipCode: '231281001000',
  level: 'grid', state: 'collected', reportedAt: '2026-11-23T08:00:00.000Z', dueAt: '2026-11-26T08:00:00.000Z',
  escalations: 0, closedAt: null, resolved: null, satisfaction: null, ...extra,
})
const snapshot: LiveSnapshot = { seq: 10, cases: [aCase(1), aCase(2)], cameras: [], patrols: [] }
const caseChange = (seq: number, data: CaseSummary, op: 'insert' | 'update' = 'update'): Change =>
  ({ seq, at: '2026-11-23T09:00:00.000Z', entity: 'case', op, data })

describe('the live state', () => {
  it('starts from a snapshot and applies what comes after it, in order', () => {
    const s = applyChanges(fromSnapshot(snapshot), [caseChange(11, aCase(3), 'insert'), caseChange(12, aCase(1, { state: 'verified' }))])
    expect(s.seq).toBe(12)
    expect([...s.cases.keys()].sort()).toEqual([1, 2, 3])
    expect(s.cases.get(1)?.state).toBe('verified')
  })

  it('skips changes the snapshot already reflects, and drops closed cases', () => {
    const start = fromSnapshot(snapshot)
    expect(applyChanges(start, [caseChange(9, aCase(1, { state: 'closed' }))])).toBe(start)
    const s = applyChanges(start, [caseChange(11, aCase(2, { state: 'closed', closedAt: '2026-11-23T09:00:00.000Z' }))])
    expect([...s.cases.keys()]).toEqual([1])
  })

  it('counts overdue cases against the time given', () => {
    const s = fromSnapshot({ ...snapshot, cases: [aCase(1), aCase(2, { dueAt: '2026-11-23T07:00:00.000Z' })] })
    expect(overdueCases(s, Date.parse('2026-11-23T08:00:00Z')).map((c) => c.id)).toEqual([2])
  })
})
