import { useEffect, useState } from 'react'
import { RegionNames } from '../../../contract'
import { fetchJson } from '../api/fetchJson'

/**
 * The regions of the area `within` by name, without their shapes (`GET /api/v1/regions/names`), for a desk of a
 * province or prefecture, whose map comes from the tiles: what its lists name places by and its picker finds.
 * Retried every few seconds until the server answers; null while not read, or when `within` is null.
 */
export function useRegionNames(within: string | null): RegionNames | null {
  const [names, setNames] = useState<RegionNames | null>(null)
  useEffect(() => {
    setNames(null)
    if (!within) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    const attempt = () => fetchJson(`/api/v1/regions/names?within=${within}`, RegionNames).then(
      (read) => !stopped && setNames(read),
      () => { if (!stopped) timer = setTimeout(attempt, 5000) },
    )
    void attempt()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [within])
  return names
}
