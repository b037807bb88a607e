import { useEffect, useRef, useState } from 'react'
import type { Change, Room } from '../../../contract'
import { changesFrame } from './changesFrame'
import { liveSocket } from './liveSocket'
import type { Connection } from './useLive'

/**
 * The live changes of one room only (`grid:<code>`, `township:<code>`, a department's), not the whole city's;
 * the room must lie in the account's scope. Told
 * `[]` on every (re)connect and for a frame that does not parse, so the screen reads afresh what it may have missed.
 */
export function useRoom(room: Room | null, onChanges: (changes: Change[]) => void): Connection {
  const [connection, setConnection] = useState<Connection>(() => ({ live: false, since: Date.now(), connecting: true }))
  const handler = useRef(onChanges)
  handler.current = onChanges
  useEffect(() => {
    if (!room) return
    setConnection({ live: false, since: Date.now(), connecting: true })
    const live = liveSocket([room], () => undefined)
    const { socket } = live
    socket.on('connect', () => {
      setConnection({ live: true, since: Date.now() })
      handler.current([])
    })
    // Only a real failure is "未连接": the first attempt refused or timed out, or a connection lost.
    socket.on('connect_error', () => setConnection((c) => (c.connecting ? { live: false, since: Date.now() } : c)))
    socket.on('disconnect', () => setConnection({ live: false, since: Date.now() }))
    // A frame that does not parse is not applied: the screen is told `[]` and reads afresh.
    socket.on('live:changes', (frame: unknown) => handler.current(changesFrame(frame) ?? []))
    return () => live.close()
  }, [room])
  return connection
}
