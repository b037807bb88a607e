import { useCallback, useEffect, useRef } from 'react'
import type { Room } from '../../../contract'
import type { Connection } from './useLive'
import { useRoom } from './useRoom'

/** Changes arriving together are read once, this long after the first. */
const COALESCE_MS = 120

/**
 * Keeps a desk's reads live through `room`: `reload` runs once for every burst of changes the room
 * hears, however many arrive; a pending run is dropped when `reload` changes (another area on screen).
 */
export function useRoomReload(room: Room | null, reload: () => void): Connection {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => {
    clearTimeout(timer.current)
    timer.current = undefined
  }, [reload])
  const onChanges = useCallback(() => {
    if (timer.current !== undefined) return
    timer.current = setTimeout(() => {
      timer.current = undefined
      reload()
    }, COALESCE_MS)
  }, [reload])
  return useRoom(room, onChanges)
}
