import { describe, expect, it } from 'vitest'
import type { Change, Room } from '../../contract'
import { Subscriptions } from '../../server/src/live/subscriptions'

/** A change heard by the given rooms (what `roomsOf` would say); only its position matters here. */
const heardBy = new Map<number, Room[]>()
const change = (seq: number, rooms: Room[]): Change => {
  heardBy.set(seq, rooms)
  return { seq, at: '2026-12-06T00:00:00.000Z', entity: 'answer', op: 'insert', data: { caseId: seq, caseCode: `C${seq}`, channel: 'hotline_12345', event: 'answered', gridCode: '', townshipCode: '' } }
}
const roomsOf = (c: Change) => heardBy.get(c.seq)!
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
    expect(seqs(subs.route(batch, roomsOf))).toEqual(new Map([[both, [1, 2, 3]], [wide, [1, 2, 3]]]))
  })

  it('shares one part among sockets asking for the same rooms in any order, and leaves out those hearing nothing', () => {
    const subs = new Subscriptions()
    const first = subs.add([b, a])
    const second = subs.add([a, b])
    const city = subs.add(['city'])
    expect(second).toBe(first)
    expect(seqs(subs.route([change(5, ['city', county])], roomsOf))).toEqual(new Map([[city, [5]]]))
  })

  it('stops routing to a subscription once its last socket has gone, and not before', () => {
    const subs = new Subscriptions()
    const room = subs.add([a])
    subs.add([a])
    const batch = [change(6, ['city', a])]
    subs.remove(room)
    expect([...subs.route(batch, roomsOf).keys()]).toEqual([room])
    subs.remove(room)
    expect(subs.route(batch, roomsOf).size).toBe(0)
  })
})
