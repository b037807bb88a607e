import { useEffect, useState } from 'react'
import { GridAt } from '../../../contract'
import { ApiError, fetchJson } from '../api/fetchJson'
import { errorText } from '../ui/errorText'

/**
 * Where a point lies as a seat says it (`GET /api/v1/grids/at`): `新兴街道 › 春华社区 › 春华社区第三网格`, or why it
 * has none (outside the city); null before a point.
 */
export function useLocality(point: [number, number] | null): { text: string; outside: boolean } | null {
  const [locality, setLocality] = useState<{ text: string; outside: boolean } | null>(null)
  const key = point ? `${point[0].toFixed(6)},${point[1].toFixed(6)}` : null
  useEffect(() => {
    setLocality(null)
    if (!key) return
    let stopped = false
    const [lon, lat] = key.split(',')
    fetchJson(`/api/v1/grids/at?lon=${lon}&lat=${lat}`, GridAt).then(
      (at) => !stopped && setLocality({
        text: at.regions.slice(0, -1).reverse().map((r) => r.name).concat(at.grid.name).join(' › '), outside: false,
      }),
      (e: unknown) => !stopped && setLocality({ text: e instanceof ApiError && e.status === 404 ? '该位置不在本市网格范围内' : errorText(e), outside: true }),
    )
    return () => void (stopped = true)
  }, [key])
  return locality
}
