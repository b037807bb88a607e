import type { Change, PatrolFixes, Room } from '../../../contract/live'

type Heard = (change: Change) => readonly Room[]
type GatewayBatch = Extract<Change, { entity: 'patrols' }>

/** One unit of a gateway's batch as the change of that unit alone: what decides which rooms hear it. */
export const unitChange = (change: GatewayBatch, unit: PatrolFixes): Change => ({ seq: change.seq, at: change.at, entity: 'patrol', op: 'update', data: unit })

/** What of `change` a client listening to `wanted` hears: all of it, a gateway's batch narrowed to the units its rooms hear, or nothing (null). */
export function partHeard(change: Change, wanted: ReadonlySet<Room>, roomsOf: Heard): Change | null {
  if (change.entity !== 'patrols') return roomsOf(change).some((room) => wanted.has(room)) ? change : null
  const units = change.data.units.filter((unit) => roomsOf(unitChange(change, unit)).some((room) => wanted.has(room)))
  return units.length > 0 ? { ...change, data: { units } } : null
}

/**
 * The sets of rooms this process's sockets listen to, each a subscription that a Socket.IO room of its
 * own (`roomOf`) holds every socket asking for exactly those rooms. A batch of changes is split once
 * per subscription, not once per change: each socket gets one frame a batch with the changes any of its
 * rooms hears, in log order and each once, however many of its rooms a change reaches. At province rate
 * the changes of one batch go to hundreds of different room sets, and a frame per change was the cost.
 */
export class Subscriptions {
  private readonly sockets = new Map<string, { rooms: readonly Room[]; count: number }>()
  /** Which subscriptions hear each room; rebuilt when a subscription comes or goes. */
  private index: Map<Room, string[]> | null = null

  /** A socket now listens to `rooms`; returns the Socket.IO room it joins. */
  add(rooms: readonly Room[]): string {
    const key = [...new Set(rooms)].sort().join(' ')
    const held = this.sockets.get(key)
    if (held) held.count++
    else {
      this.sockets.set(key, { rooms: [...new Set(rooms)], count: 1 })
      this.index = null
    }
    return Subscriptions.roomOf(key)
  }

  /** A socket that joined `room` (as `add` returned it) went away. */
  remove(room: string): void {
    const key = room.slice(SUBSCRIPTION.length)
    const held = this.sockets.get(key)
    if (!held) return
    if (--held.count > 0) return
    this.sockets.delete(key)
    this.index = null
  }

  /** Each subscription's Socket.IO room and its part of `changes`, in log order; subscriptions hearing none are left out. */
  route(changes: readonly Change[], roomsOf: Heard): Map<string, Change[]> {
    const index = (this.index ??= this.build())
    const parts = new Map<string, Change[]>()
    const add = (key: string, change: Change) => {
      const part = parts.get(key)
      if (part) part.push(change)
      else parts.set(key, [change])
    }
    /** The subscriptions hearing any of `rooms`, each once. */
    const hearing = (rooms: readonly Room[]) => new Set(rooms.flatMap((room) => index.get(room) ?? []))
    for (const change of changes) {
      if (change.entity !== 'patrols') {
        for (const key of hearing(roomsOf(change))) add(key, change)
        continue
      }
      // A gateway's batch: each subscription gets one change with the units its rooms hear.
      const units = new Map<string, PatrolFixes[]>()
      for (const unit of change.data.units) {
        for (const key of hearing(roomsOf(unitChange(change, unit)))) {
          const heard = units.get(key)
          if (heard) heard.push(unit)
          else units.set(key, [unit])
        }
      }
      for (const [key, heard] of units) add(key, { ...change, data: { units: heard } })
    }
    return new Map([...parts].map(([key, part]) => [Subscriptions.roomOf(key), part]))
  }

  private build(): Map<Room, string[]> {
    const index = new Map<Room, string[]>()
    for (const [key, { rooms }] of this.sockets) for (const room of rooms) index.set(room, [...(index.get(room) ?? []), key])
    return index
  }

  private static roomOf(key: string): string {
    return SUBSCRIPTION + key
  }
}

/** Subscriptions' Socket.IO rooms start so; no room a client may ask for does (see `Room`). */
const SUBSCRIPTION = 'subscription:'
