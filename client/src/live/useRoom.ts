import { useEffect, useRef, useState } from 'react'
import { io, type Socket } from 'socket.io-client'
import { type Change, type ClientToServerEvents, PROTOCOL_VERSION, type Room, type ServerToClientEvents } from '../../../contract'
import { changesFrame } from './changesFrame'
import type { Connection } from './useLive'

/**
 * The live changes of one room only (`grid:<code>`, `township:<code>`), not the whole city's. Told
 * `[]` on every (re)connect and for a frame that does not parse, so the screen reads afresh what it may have missed.
 */
export function useRoom(room: Room | null, onChanges: (changes: Change[]) => void): Connection {
  const [connection, setConnection] = useState<Connection>({ live: false, since: Date.now() })
  const handler = useRef(onChanges)
  handler.current = onChanges
  useEffect(() => {
    if (!room) return
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION, rooms: [room] }, reconnectionDelayMax: 5000,
    })
    socket.on('connect', () => {
      setConnection({ live: true, since: Date.now() })
      handler.current([])
    })
    socket.on('disconnect', () => setConnection({ live: false, since: Date.now() }))
    // A frame that does not parse is not applied: the screen is told `[]` and reads afresh.
    socket.on('live:changes', (frame: unknown) => handler.current(changesFrame(frame) ?? []))
    return () => void socket.disconnect()
  }, [room])
  return connection
}
