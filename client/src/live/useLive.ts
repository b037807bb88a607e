import { useEffect, useRef, useState } from 'react'
import { io, type Socket } from 'socket.io-client'
import { type ClientToServerEvents, LiveSnapshot, PROTOCOL_VERSION, type ServerToClientEvents } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import { applyChanges, emptyLive, fromSnapshot, type LiveState } from './liveState'

/** Whether the screen is live now, and since when it has been in its present condition (ms epoch). */
export type Connection = { live: boolean; since: number }

/**
 * The live city for a screen: a snapshot, then every change after its position over Socket.IO.
 * Reconnects by itself and asks for what it missed from the last position it applied; told it is
 * too far behind, it loads a fresh snapshot. `synced`: a snapshot has been applied (its position may be 0).
 */
export function useLive(): { state: LiveState; connection: Connection; synced: boolean } {
  const [state, setState] = useState<LiveState>(emptyLive)
  const [synced, setSynced] = useState(false)
  const [connection, setConnection] = useState<Connection>({ live: false, since: Date.now() })
  const position = useRef(0)

  useEffect(() => {
    let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null
    let stopped = false
    // A fresh snapshot replaces what the screen knew, but the ticker's lines still happened.
    const load = async () => {
      const snapshot = fromSnapshot(await fetchJson('/api/v1/live/snapshot', LiveSnapshot))
      position.current = snapshot.seq
      if (stopped) return
      // A snapshot after a first one follows changes the screen missed, redrawn boundaries among them.
      setState((s) => ({ ...snapshot, ticker: s.ticker, boundariesAt: s.seq > 0 ? snapshot.seq : 0 }))
      setSynced(true)
    }
    const update = (next: (s: LiveState) => LiveState) =>
      setState((s) => {
        const n = next(s)
        position.current = n.seq
        return n
      })
    void load().then(() => {
      if (stopped) return
      socket = io({
        transports: ['websocket'],
        auth: (cb) => cb({ protocol: PROTOCOL_VERSION, since: position.current }),
        reconnectionDelayMax: 5000,
      })
      socket.on('connect', () => setConnection({ live: true, since: Date.now() }))
      socket.on('disconnect', () => setConnection({ live: false, since: Date.now() }))
      socket.on('live:changes', (changes) => update((s) => applyChanges(s, changes)))
      socket.on('live:resync', () => void load())
    })
    return () => {
      stopped = true
      socket?.disconnect()
    }
  }, [])

  return { state, connection, synced }
}
