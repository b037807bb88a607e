import { useEffect, useRef, useState } from 'react'
import { Kpis } from '../../../contract'
import { fetchJson } from './fetchJson'

/** At most one read of the figures per this many ms, however fast the city changes. */
const MIN_INTERVAL_MS = 1500
/** Read again after this long even when nothing changed: today rolls over, cases fall overdue. */
const MAX_AGE_MS = 60_000

/**
 * The KPI figures, read from the server (computed in SQL) whenever the screen's live position has
 * moved past the figures' own, throttled; kept on screen while a read fails. Not read at all while
 * `wanted` is false (a department's desk has no area to read them for).
 */
export function useKpis(seq: number, patrolHours: number, region?: string, wanted = true): Kpis | null {
  const [kpis, setKpis] = useState<Kpis | null>(null)
  const inFlight = useRef(false)
  const lastRead = useRef(0)
  const [tick, setTick] = useState(0)

  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), MAX_AGE_MS)
    return () => clearInterval(timer)
  }, [])

  useEffect(() => {
    if (!wanted || inFlight.current || (kpis && kpis.seq >= seq && Date.now() - lastRead.current < MAX_AGE_MS)) return
    const wait = Math.max(0, lastRead.current + MIN_INTERVAL_MS - Date.now())
    const timer = setTimeout(() => {
      inFlight.current = true
      lastRead.current = Date.now()
      const q = new URLSearchParams({ patrolHours: String(patrolHours), ...(region ? { region } : {}) })
      fetchJson(`/api/v1/kpis?${q}`, Kpis)
        .then(setKpis, () => {})
        .finally(() => {
          inFlight.current = false
          setTick((t) => t + 1)
        })
    }, wait)
    return () => clearTimeout(timer)
  }, [seq, patrolHours, region, kpis, tick, wanted])

  return kpis
}
