import { describe, expect, it } from 'vitest'
import type { Change, PatrolFixes, Room } from '../../contract'
import { roomsOf } from '../../server/src/live/hub'
import { partHeard, Subscriptions } from '../../server/src/live/subscriptions'

/** A change heard by the given rooms (what `roomsOf` would say); only its position matters here. */
const heardBy = new Map<number, Room[]>()
const change = (seq: number, rooms: Room[]): Change => {
  heardBy.set(seq, rooms)
  return { seq, at: '2026-12-06T00:00:00.000Z', entity: 'answer', op: 'insert', data: { caseId: seq, caseCode: `C${seq}`, channel: 'hotline_12345', event: 'answered', gridCode: '', townshipCode: '' } }
}
const heard = (c: Change) => heardBy.get(c.seq)!
const seqs = (parts: Map<string, Change[]>) => new Map([...parts].map(([room, part]) => [room, part.map((c) => c.seq)]))

describe('splitting a batch of changes by subscription', () => {
  const a: Room = 'grid:220102001001001'
  const b: Room = 'grid:220102001001002'
  const county: Room = 'county:220102000000'

  it('gives a socket listening to two rooms a change both hear once, and every part in log order', () => {
    const subs = new Subscriptions()
    const both = subs.add([a, b])
    const wide = subs.add([county])
    const batch = [change(1, ['city', county, a]), change(2, ['city', county, a, b]), change(3, ['city', county, b]), change(4, ['city'])]
    expect(seqs(subs.route(batch, heard))).toEqual(new Map([[both, [1, 2, 3]], [wide, [1, 2, 3]]]))
  })

  it('shares one part among sockets asking for the same rooms in any order, and leaves out those hearing nothing', () => {
    const subs = new Subscriptions()
    const first = subs.add([b, a])
    const second = subs.add([a, b])
    const city = subs.add(['city'])
    expect(second).toBe(first)
    expect(seqs(subs.route([change(5, ['city', county])], heard))).toEqual(new Map([[city, [5]]]))
  })

  it('stops routing to a subscription once its last socket has gone, and not before', () => {
    const subs = new Subscriptions()
    const room = subs.add([a])
    subs.add([a])
    const batch = [change(6, ['city', a])]
    subs.remove(room)
    expect([...subs.route(batch, heard).keys()]).toEqual([room])
    subs.remove(room)
    expect(subs.route(batch, heard).size).toBe(0)
  })
})

describe('a gateway’s batch, one change for many units', () => {
  const unit = (unitId: number, gridCode: string): PatrolFixes => ({
    unitId, code: `U${unitId}`, kind: 'grid_worker', townshipCode: gridCode.slice(0, 9).padEnd(12, '0'), gridCode, leftGridCode: null,
    fixes: [{ at: '2026-12-06T00:00:00.000Z', location: [125.3, 46.4], speedMps: null, heading: null, gridCode }],
  })
  const batch: Change = { seq: 9, at: '2026-12-06T00:00:00.000Z', entity: 'patrols', op: 'update', data: { units: [
    unit(1, '231281001001001'), unit(2, '231281002001001'), unit(3, '231281001002001'),
  ] } }
  const unitsOf = (c: Change | null | undefined) => (c?.entity === 'patrols' ? c.data.units.map((u) => u.unitId) : null)

  it('reaches each subscription once, holding the units its rooms hear and no other', () => {
    const subs = new Subscriptions()
    const first = subs.add(['township:231281001000'])
    const both = subs.add(['grid:231281001001001', 'township:231281002000'])
    const city = subs.add(['city'])
    const parts = subs.route([batch], roomsOf)
    expect(new Map([...parts].map(([room, part]) => [room, part.map(unitsOf)]))).toEqual(new Map([[first, [[1, 3]]], [both, [[1, 2]]], [city, [[1, 2, 3]]]]))
    expect(parts.get(both)![0]!.seq).toBe(9)
  })

  it('is narrowed the same way for a client replaying it, and skipped when none of its units is heard', () => {
    expect(unitsOf(partHeard(batch, new Set<Room>(['community:231281001002']), roomsOf))).toEqual([3])
    expect(partHeard(batch, new Set<Room>(['township:231281003000']), roomsOf)).toBeNull()
  })
})
