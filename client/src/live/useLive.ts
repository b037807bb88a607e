import { useEffect, useRef, useState } from 'react'
import { LiveSnapshot, type Room } from '../../../contract'
import { earlyRead } from '../api/earlyRead'
import { fetchJson } from '../api/fetchJson'
import { changesFrame } from './changesFrame'
import { liveSocket } from './liveSocket'
import { applyChanges, emptyLive, fromSnapshot, type LiveState } from './liveState'

/** How long a screen waits before asking again for a snapshot it could not get. */
const SNAPSHOT_RETRY_MS = 5000

/** The live snapshot: the first one can be asked for before the screen's first render. */
export const snapshotRead = earlyRead(() => fetchJson('/api/v1/live/snapshot', LiveSnapshot))

/**
 * Whether the screen is live now, and since when it has been in its present condition (ms epoch). `connecting`:
 * not live yet, but nothing has failed either (the first connection under way), which is not "未连接".
 */
export type Connection = { live: boolean; since: number; connecting?: boolean }

/**
 * The live city for a screen, as far as its account's scope reaches: a snapshot (the server filters it to
 * the scope, or to `area` in it), then every change after its position over Socket.IO, in `rooms` (the scope's, see
 * `homeRooms`, or the area's; the server refuses a room outside it).
 * Reconnects by itself and asks for what it missed from the last position it applied; told it is
 * too far behind, or sent a frame that does not parse with the contract, it loads a fresh snapshot. `synced`: a snapshot has been applied (its position may be 0).
 */
export function useLive(rooms: readonly Room[], area: string | null = null): { state: LiveState; connection: Connection; synced: boolean } {
  const [state, setState] = useState<LiveState>(emptyLive)
  const [synced, setSynced] = useState(false)
  const [connection, setConnection] = useState<Connection>(() => ({ live: false, since: Date.now(), connecting: true }))
  // Only a real failure is "未连接": the first snapshot or connection refused, or a connection lost.
  const failed = () => setConnection((c) => (c.connecting ? { live: false, since: Date.now() } : c))
  const position = useRef(0)
  const roomsKey = rooms.join(' ')

  useEffect(() => {
    let live: ReturnType<typeof liveSocket> | null = null
    let stopped = false
    // A fresh snapshot replaces what the screen knew, but the ticker's lines and the cameras' changes still happened.
    const load = async () => {
      const snapshot = fromSnapshot(await (area ? fetchJson(`/api/v1/live/snapshot?area=${area}`, LiveSnapshot) : snapshotRead.take()))
      position.current = snapshot.seq
      if (stopped) return
      // A snapshot after a first one follows changes the screen missed, redrawn boundaries among them.
      setState((s) => ({ ...snapshot, ticker: s.ticker, cameraChanges: s.cameraChanges, boundariesAt: s.seq > 0 ? snapshot.seq : 0 }))
      setSynced(true)
    }
    const update = (next: (s: LiveState) => LiveState) =>
      setState((s) => {
        const n = next(s)
        position.current = n.seq
        return n
      })
    const connect = () => {
      live = liveSocket(roomsKey.split(' ') as Room[], () => position.current)
      const { socket } = live
      socket.on('connect', () => setConnection({ live: true, since: Date.now() }))
      socket.on('connect_error', failed)
      socket.on('disconnect', () => setConnection({ live: false, since: Date.now() }))
      socket.on('live:changes', (frame: unknown) => {
        const changes = changesFrame(frame)
        if (changes) update((s) => applyChanges(s, changes))
        else void load()
      })
      socket.on('live:resync', () => void load())
    }
    // Opened while the server cannot answer (its store down, say), an unattended wall keeps asking.
    let retry: ReturnType<typeof setTimeout> | undefined
    const start = () => load().then(
      () => {
        if (!stopped) connect()
      },
      () => {
        failed()
        if (!stopped) retry = setTimeout(start, SNAPSHOT_RETRY_MS)
      },
    )
    void start()
    return () => {
      stopped = true
      clearTimeout(retry)
      live?.close()
    }
  }, [roomsKey, area])

  return { state, connection, synced }
}
