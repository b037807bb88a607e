import { useEffect, useRef, useState } from 'react'
import { fetchJson } from '../api/fetchJson'

/** Read again after this long even when nothing changed: hours turn over, cases fall overdue. */
const MAX_AGE_MS = 60_000

/**
 * A read of `url` that follows the city: again whenever the screen's live position `seq` has moved past the
 * answer's own, at most once per `minMs` however fast the city changes, and once a minute regardless. A
 * failed read keeps the last answer on screen. Null until the first answer.
 */
export function useFollowing<T extends { seq: number }>(url: string, schema: { parse(x: unknown): T }, seq: number, minMs: number): T | null {
  const [value, setValue] = useState<T | null>(null)
  const inFlight = useRef(false)
  const lastRead = useRef(0)
  const [tick, setTick] = useState(0)

  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), MAX_AGE_MS)
    return () => clearInterval(timer)
  }, [])

  useEffect(() => {
    if (inFlight.current || (value && value.seq >= seq && Date.now() - lastRead.current < MAX_AGE_MS)) return
    const timer = setTimeout(() => {
      inFlight.current = true
      lastRead.current = Date.now()
      fetchJson(url, schema)
        .then(setValue, () => {})
        .finally(() => {
          inFlight.current = false
          setTick((t) => t + 1)
        })
    }, Math.max(0, lastRead.current + minMs - Date.now()))
    return () => clearTimeout(timer)
  }, [url, schema, seq, minMs, value, tick])

  return value
}
