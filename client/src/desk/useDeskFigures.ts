import { useEffect, useRef, useState } from 'react'
import { DeskNumbers } from '../../../contract'
import { fetchJson } from '../api/fetchJson'

/** At most one read of the figures per this many ms: they count a month of steps, and an inbox may change many times a minute. */
const MIN_INTERVAL_MS = 5000

/**
 * The desk's figures beside its parent's (`GET /api/v1/desk/figures`: the account's own area, or its
 * department), read again when `changed` moves (the inbox was read again), throttled; kept while a read fails.
 */
export function useDeskFigures(changed: string | undefined): DeskNumbers | null {
  const [figures, setFigures] = useState<DeskNumbers | null>(null)
  const lastRead = useRef(0)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => void (mounted.current = false)
  }, [])
  useEffect(() => {
    if (changed === undefined) return
    // A change while a read is under way does not drop it: the read after it comes at its turn.
    const timer = setTimeout(() => {
      lastRead.current = Date.now()
      fetchJson('/api/v1/desk/figures', DeskNumbers).then((f) => mounted.current && setFigures(f), () => undefined)
    }, Math.max(0, lastRead.current + MIN_INTERVAL_MS - Date.now()))
    return () => clearTimeout(timer)
  }, [changed])
  return figures
}
