import { useEffect, useRef, useState } from 'react'
import { type KeySignInRequest, Me } from '../../../contract'
import { ApiError, fetchJson, postJson } from '../api/fetchJson'
import { onSessionDoubt, setCsrfToken } from '../api/sessionSignal'
import { errorText } from '../ui/errorText'
import { KEY_REFUSED } from './signInText'

/**
 * Where the page's session stands: being checked, signed out (the sign-in page, with what to tell the
 * person), signed in, or not known because the server cannot answer now (checked again every few seconds).
 */
export type SessionStatus =
  | { kind: 'checking' }
  | { kind: 'signed-out'; notice: string | null }
  | { kind: 'signed-in'; me: Me }
  | { kind: 'unreachable'; message: string }

const RETRY_MS = 5000

const sameMe = (a: Me, b: Me) => JSON.stringify(a) === JSON.stringify(b)

/** The address without its `key` parameter: a display key must not stay in the address bar or the history. */
function dropKeyFromAddress(): void {
  const url = new URL(window.location.href)
  url.searchParams.delete('key')
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
}

/**
 * The page's session, from `GET /api/v1/me` (the session cookie goes by itself). With `kioskKey` (a wall
 * opened at `/wall?key=…`) the key is first traded for a month-long session, dropped from the address, and
 * the page loaded again as a signed-in page: its first reads (preloaded with the page) then carry the
 * cookie. Checked again whenever a call or the live stream says the server no longer knows the session.
 */
export function useSession(kioskKey: string | null): SessionStatus {
  const [status, setStatus] = useState<SessionStatus>({ kind: 'checking' })
  const current = useRef(status)
  current.current = status

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const later = (f: () => Promise<void>, ms = RETRY_MS) => {
      clearTimeout(timer)
      timer = setTimeout(() => void f(), ms)
    }
    const check = async (notice: string | null = null): Promise<void> => {
      try {
        const me = await fetchJson('/api/v1/me', Me)
        if (stopped) return
        setCsrfToken(me.csrfToken ?? null)
        setStatus((s) => (s.kind === 'signed-in' && sameMe(s.me, me) ? s : { kind: 'signed-in', me }))
      } catch (e) {
        if (stopped) return
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null)
          setStatus({ kind: 'signed-out', notice })
        } else {
          // A screen that is signed in stays on while the server is away; it checks again when it is back.
          setStatus((s) => (s.kind === 'signed-in' ? s : { kind: 'unreachable', message: errorText(e) }))
          later(() => check(notice))
        }
      }
    }
    const trade = async (key: string): Promise<void> => {
      try {
        await postJson('/api/v1/session/key', { key } satisfies KeySignInRequest, Me)
        if (stopped) return
        dropKeyFromAddress()
        window.location.reload()
      } catch (e) {
        if (stopped) return
        if (e instanceof ApiError && e.status === 429) return later(() => trade(key), (e.retryAfter ?? 60) * 1000)
        if (e instanceof ApiError && e.status >= 400 && e.status < 500) {
          // Refused: the key is no use in the address; a session this browser already has may still run the wall.
          dropKeyFromAddress()
          return check(KEY_REFUSED)
        }
        // The server cannot answer yet (a wall switched on before it): the key stays until it can.
        setStatus({ kind: 'unreachable', message: errorText(e) })
        later(() => trade(key))
      }
    }
    void (kioskKey ? trade(kioskKey) : check())
    const off = onSessionDoubt(() => {
      if (current.current.kind === 'signed-in') void check()
    })
    return () => {
      stopped = true
      clearTimeout(timer)
      off()
    }
  }, [kioskKey])

  return status
}
