import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { type CameraView, CaseSummary, type Change, type Fix, type LiveSnapshot, type PatrolFixes } from '../../contract'
import { applyChanges, CAMERA_CHANGES_LENGTH, extendTrail, fromSnapshot, isOverdue, TICKER_LENGTH } from '../../client/src/live/liveState'

const aCase = (id: number, extra: Partial<CaseSummary> = {}): CaseSummary => CaseSummary.parse({
  id, code: `AD20261123${String(id).padStart(6, '0')}`, category: 'dispute', kind: 'neighbour', source: 'grid_worker',
  location: [125.32, 46.4], gridCode: '231281001001001', communityCode: '231281001001', townshipCode: '231281001000',
  level: 'grid', state: 'collected', reportedAt: '2026-11-23T08:00:00.000Z', dueAt: '2026-11-26T08:00:00.000Z',
  escalations: 0, closedAt: null, resolved: null, satisfaction: null, version: 1, assignee: null, department: null, ...extra,
} satisfies z.input<typeof CaseSummary>)
const aCamera = (id: number, extra: Partial<CameraView> = {}): CameraView => ({
  id, code: `C${id}`, class: 'A', state: 'online', stateChangedAt: '2026-11-23T08:00:00.000Z', location: [125.3, 46.4],
  townshipCode: '231281001000', gridCode: '231281001001001', bearingDeg: 90, fovDeg: 60, rangeM: 80, ...extra,
})
const fix = (at: string, gridCode: string | null = '231281001001001'): Fix => ({ at, location: [125.3, 46.4], speedMps: 1.2, heading: 0, gridCode })
const snapshot: LiveSnapshot = { seq: 10, cases: [aCase(1), aCase(2)], cameras: [aCamera(1)], patrols: [], covers: [], visits: [] }
const at = '2026-11-23T09:00:00.000Z'
const caseChange = (seq: number, data: CaseSummary, op: 'insert' | 'update' = 'update'): Change => ({ seq, at, entity: 'case', op, data })
const patrolChange = (seq: number, fixes: Fix[]): Change =>
  ({ seq, at, entity: 'patrol', op: 'update', data: { unitId: 7, code: 'PU-POL-01', kind: 'police', townshipCode: '231281001000', gridCode: fixes.at(-1)?.gridCode ?? null, leftGridCode: null, fixes } })

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
    const s = applyChanges(start, [caseChange(11, aCase(2, { state: 'closed', closedAt: at }))])
    expect([...s.cases.keys()]).toEqual([1])
  })

  it('notes a published redraw of the grids by its position, and nothing else changes with it', () => {
    const start = fromSnapshot(snapshot)
    expect(start.boundariesAt).toBe(0)
    const grid: Change = {
      seq: 11, at, entity: 'grid', op: 'insert',
      data: {
        code: '231281001001099', name: '新网格', kind: 'urban', version: 1, communityCode: '231281001001', townshipCode: '231281001000',
        households: 210, leaders: 1, fulltimeWorkers: 1, parttimeWorkers: 0, validFrom: at, validTo: null,
        geometry: { type: 'MultiPolygon', coordinates: [[[[125.3, 46.4], [125.31, 46.4], [125.31, 46.41], [125.3, 46.4]]]] },
      },
    }
    const s = applyChanges(start, [grid])
    expect(s.boundariesAt).toBe(11)
    expect(s.cases).toBe(start.cases)
    expect(s.cameras).toBe(start.cameras)
  })

  it('counts overdue cases against the time given', () => {
    const s = fromSnapshot({ ...snapshot, cases: [aCase(1), aCase(2, { dueAt: '2026-11-23T07:00:00.000Z' })] })
    expect([...s.cases.values()].filter((c) => isOverdue(c, Date.parse('2026-11-23T08:00:00Z'))).map((c) => c.id)).toEqual([2])
  })

  it('leaves the cameras and the cases the same objects when only a patrol moved, so their layers are not rebuilt', () => {
    const start = fromSnapshot(snapshot)
    const s = applyChanges(start, [patrolChange(11, [fix('2026-11-23T09:00:00.000Z')])])
    expect(s.cameras).toBe(start.cameras)
    expect(s.cases).toBe(start.cases)
    expect(s.trails).not.toBe(start.trails)
    expect(s.visits.get('231281001001001')).toBe(Date.parse('2026-11-23T09:00:00.000Z'))
  })

  it('moves every unit of a gateway’s batch, each trail and each grid’s visit as one unit’s change would', () => {
    const unit = (unitId: number, fixes: Fix[]) => ({ ...(patrolChange(0, fixes).data as PatrolFixes), unitId })
    const start = fromSnapshot(snapshot)
    const s = applyChanges(start, [{ seq: 11, at, entity: 'patrols', op: 'update', data: { units: [
      unit(7, [fix('2026-11-23T09:00:00.000Z', 'A')]), unit(8, [fix('2026-11-23T09:00:10.000Z', 'B'), fix('2026-11-23T09:00:50.000Z', 'C')]),
    ] } }])
    expect([...s.trails.values()].map((t) => [t.unitId, t.gridCode, t.fixes.length])).toEqual([[7, 'A', 1], [8, 'C', 2]])
    expect([...s.visits]).toEqual([['A', Date.parse('2026-11-23T09:00:00.000Z')], ['B', Date.parse('2026-11-23T09:00:10.000Z')], ['C', Date.parse('2026-11-23T09:00:50.000Z')]])
    expect(s.cases).toBe(start.cases)
    expect(s.seq).toBe(11)
  })

  it('keeps the latest visit of a grid, whatever order the fixes of several units come in', () => {
    const s = applyChanges(fromSnapshot({ ...snapshot, visits: [{ gridCode: 'G', lastAt: '2026-11-23T10:00:00.000Z' }] }), [
      patrolChange(11, [fix('2026-11-23T09:00:00.000Z', 'G'), fix('2026-11-23T09:01:00.000Z', null)]),
    ])
    expect(s.visits.get('G')).toBe(Date.parse('2026-11-23T10:00:00.000Z'))
  })

  it('puts new reports, escalations and closures on the ticker, newest first, and nothing for routine steps; a camera going down among its changes', () => {
    const s = applyChanges(fromSnapshot(snapshot), [
      caseChange(11, aCase(3), 'insert'),
      caseChange(12, aCase(1, { state: 'verified' })),
      caseChange(13, aCase(2, { level: 'community', escalations: 1 })),
      caseChange(14, aCase(1, { state: 'closed', closedAt: at, resolved: true, satisfaction: 'satisfied' })),
      { seq: 15, at, entity: 'camera', op: 'update', data: aCamera(1, { state: 'offline' }) },
      { seq: 16, at, entity: 'camera', op: 'update', data: aCamera(1, { state: 'offline' }) },
    ])
    expect(s.ticker.map((t) => [t.seq, t.type])).toEqual([[14, 'closed'], [13, 'escalated'], [11, 'reported']])
    expect(s.cameraChanges.map((c) => [c.seq, c.state])).toEqual([[15, 'offline']])
  })

  it('keeps the cameras\' changes of the last ten minutes only, and a bounded number of them', () => {
    const minute = (m: number) => new Date(Date.parse(at) + m * 60_000).toISOString()
    const camera = (seq: number, m: number, state: CameraView['state']): Change =>
      ({ seq, at: minute(m), entity: 'camera', op: 'update', data: aCamera(1, { state }) })
    const s = applyChanges(fromSnapshot(snapshot), [camera(11, 0, 'offline'), camera(12, 5, 'online'), camera(13, 11, 'faulty')])
    expect(s.cameraChanges.map((c) => c.seq)).toEqual([13, 12])
    let many = fromSnapshot(snapshot)
    for (let i = 0; i < 1200; i++) many = applyChanges(many, [camera(11 + i, 0, i % 2 ? 'online' : 'offline')])
    expect(many.cameraChanges).toHaveLength(CAMERA_CHANGES_LENGTH)
  })

  it('keeps the ticker bounded however long the wall runs', () => {
    let s = fromSnapshot(snapshot)
    for (let i = 0; i < 500; i++) s = applyChanges(s, [caseChange(11 + i, aCase(100 + i), 'insert')])
    expect(s.ticker).toHaveLength(TICKER_LENGTH)
    expect(s.ticker[0]!.seq).toBe(510)
  })
})

describe('a patrol trail', () => {
  const minute = (m: number) => new Date(Date.UTC(2026, 10, 23, 8, 0) + m * 60_000).toISOString()

  it('keeps one fix per half minute and always the newest, where the unit is now', () => {
    const fixes = [0, 0.1, 0.2, 0.3, 0.6, 0.7].map((m) => fix(minute(m)))
    expect(extendTrail([], fixes).map((f) => f.at)).toEqual([minute(0), minute(0.6), minute(0.7)])
  })

  it('forgets fixes older than the trail window, so a wall running for days holds a bounded trail', () => {
    let trail: Fix[] = []
    for (let m = 0; m < 10 * 60; m++) trail = extendTrail(trail, [fix(minute(m))])
    expect(trail.at(-1)!.at).toBe(minute(599))
    expect(Date.parse(trail.at(-1)!.at) - Date.parse(trail[0]!.at)).toBeLessThanOrEqual(2 * 3_600_000)
    expect(trail.length).toBeLessThanOrEqual(2 * 120 + 2)
  })
})
