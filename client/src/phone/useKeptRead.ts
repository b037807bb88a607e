import { useCallback, useEffect, useRef, useState } from 'react'
import { fetchJson } from '../api/fetchJson'
import { errorText } from '../ui/errorText'
import { type Kept, keepRead, keptRead } from './keptReads'

/**
 * A read that the phone keeps: the server's answer when it gives one (kept on the phone), else the last kept
 * answer with when it came, marked `stale`. `url` null: nothing to read yet. `reload` reads again.
 */
export type KeptRead<T> =
  | { kind: 'loading' }
  | { kind: 'ready'; value: T; at: string; stale: boolean; error: string | null }
  | { kind: 'failed'; error: string }

export function useKeptRead<T>(url: string | null, schema: { parse(x: unknown): T }): { read: KeptRead<T>; reload: () => void } {
  const [read, setRead] = useState<KeptRead<T>>({ kind: 'loading' })
  const [asked, setAsked] = useState(0)
  const latest = useRef(0)
  useEffect(() => {
    if (url === null) return
    const n = ++latest.current
    let shown = false
    // What the phone kept is shown at once; the server's answer replaces it when it comes.
    void keptRead<T>(url).then((k?: Kept<T>) => {
      if (k && n === latest.current && !shown) setRead((r) => (r.kind === 'ready' ? r : { kind: 'ready', value: k.value, at: k.at, stale: true, error: null }))
    })
    fetchJson(url, schema).then(
      (value) => {
        if (n !== latest.current) return
        shown = true
        const at = new Date().toISOString()
        setRead({ kind: 'ready', value, at, stale: false, error: null })
        void keepRead(url, value)
      },
      async (e: unknown) => {
        if (n !== latest.current) return
        shown = true
        const k = await keptRead<T>(url)
        if (n !== latest.current) return
        setRead(k ? { kind: 'ready', value: k.value, at: k.at, stale: true, error: errorText(e) } : { kind: 'failed', error: errorText(e) })
      },
    )
  }, [url, schema, asked])
  const reload = useCallback(() => setAsked((a) => a + 1), [])
  return { read, reload }
}
