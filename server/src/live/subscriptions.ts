import type { Change, Room } from '../../../contract/live'

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
  route(changes: readonly Change[], roomsOf: (change: Change) => readonly Room[]): Map<string, Change[]> {
    const index = (this.index ??= this.build())
    const parts = new Map<string, Change[]>()
    for (const change of changes) {
      const heard = new Set<string>()
      for (const room of roomsOf(change)) {
        for (const key of index.get(room) ?? []) {
          if (heard.has(key)) continue
          heard.add(key)
          const part = parts.get(key)
          if (part) part.push(change)
          else parts.set(key, [change])
        }
      }
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
