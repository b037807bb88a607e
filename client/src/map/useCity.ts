import { useEffect, useState } from 'react'
import { ApiError } from '../api/fetchJson'
import { errorText } from '../ui/errorText'
import { type City, cityRead } from './loadCity'

export type CityStatus = { kind: 'loading' } | { kind: 'ready'; city: City } | { kind: 'failed'; message: string }

/**
 * The city's regions, grids and roads for the screen; retried every few seconds until the server
 * answers, and read again whenever `version` moves (grids were redrawn), the city on screen kept meanwhile.
 * `read`: how (the whole city's first read, taken from the page's preload, unless told otherwise); null: not
 * read at all (not yet known, or a screen drawing its map from tiles).
 */
export function useCity(version = 0, read: (() => Promise<City>) | null = cityRead.take): CityStatus {
  const [status, setStatus] = useState<CityStatus>({ kind: 'loading' })
  useEffect(() => {
    if (!read) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    const attempt = () =>
      read().then(
        (city) => !stopped && setStatus({ kind: 'ready', city }),
        (err: unknown) => {
          if (stopped) return
          setStatus((s) => (s.kind === 'ready' ? s : { kind: 'failed', message: err instanceof ApiError ? errorText(err) : '地图数据加载失败' }))
          timer = setTimeout(attempt, 5000)
        },
      )
    void attempt()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [version, read])
  return status
}
