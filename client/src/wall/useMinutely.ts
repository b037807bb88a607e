import { useEffect, useState } from 'react'
import { fetchJson } from '../api/fetchJson'

const EVERY_MS = 60_000
/** A figure not read again for this long is no longer the city's: the wall shows "—" rather than an old number. */
const STALE_MS = 5 * 60_000

/**
 * A read of `url` now and once a minute after (figures of a day or a month move slowly, and each read
 * sums them in SQL); a failed read keeps the last answer for a few minutes, then gives it up. Null until
 * the first answer, and while `url` is null.
 */
export function useMinutely<T>(url: string | null, schema: { parse(x: unknown): T }): T | null {
  const [value, setValue] = useState<T | null>(null)
  useEffect(() => {
    setValue(null)
    if (url === null) return
    let current = true
    let lastAnswer = 0
    const read = () => fetchJson(url, schema).then(
      (v) => {
        lastAnswer = Date.now()
        if (current) setValue(v)
      },
      () => current && Date.now() - lastAnswer > STALE_MS && setValue(null),
    )
    void read()
    const timer = setInterval(read, EVERY_MS)
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [url, schema])
  return value
}
