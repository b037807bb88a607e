import { useEffect, useState } from 'react'
import { errorText } from '../ui/errorText'
import { fetchJson } from '../api/fetchJson'

export type Read<T> = { url: string | null; data: T | null; error: string | null; busy: boolean }

/**
 * Reads `url` with `schema` once it has stayed the same for `delayMs` (what a seat types changes it on every key),
 * keeping the last answer on screen meanwhile; an answer to a URL no longer asked for is dropped. `url` null: nothing.
 * `data` belongs to `url` of the result, so a caller can tell a stale answer from the current one.
 */
export function useDebouncedRead<T>(url: string | null, schema: { parse(x: unknown): T }, delayMs: number, again = 0): Read<T> {
  const [read, setRead] = useState<Read<T>>({ url: null, data: null, error: null, busy: false })
  useEffect(() => {
    if (url === null) {
      setRead({ url: null, data: null, error: null, busy: false })
      return
    }
    let stopped = false
    setRead((r) => ({ ...r, busy: true }))
    const timer = setTimeout(() => {
      fetchJson(url, schema).then(
        (data) => !stopped && setRead({ url, data, error: null, busy: false }),
        (e: unknown) => !stopped && setRead({ url, data: null, error: errorText(e), busy: false }),
      )
    }, delayMs)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [url, again])
  return read
}
