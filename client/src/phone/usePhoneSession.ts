import { useEffect, useState } from 'react'
import { Me } from '../../../contract'
import { ApiError, fetchJson } from '../api/fetchJson'
import { onSessionDoubt, setCsrfToken } from '../api/sessionSignal'

/**
 * The phone's session. Unlike the desk screens, a phone with no signal still opens signed in as whoever last
 * was on it (`offline`), so a report can be made and queued; the server is asked again when the signal is back.
 * Nobody known and no signal: `unreachable` (the first sign-in needs the network).
 */
export type PhoneSession =
  | { kind: 'checking' }
  | { kind: 'signed-out'; notice: string | null }
  | { kind: 'signed-in'; me: Me; offline: boolean }
  | { kind: 'unreachable' }

const KNOWN = 'gridgov.phone.me'
const RETRY_MS = 10_000

function lastKnown(): Me | null {
  try {
    const parsed = Me.safeParse(JSON.parse(localStorage.getItem(KNOWN) ?? 'null'))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Who was last signed in on this phone (no CSRF token: that is the session's, read afresh); forgotten on signing out. */
export function rememberMe(me: Me | null): void {
  if (me) localStorage.setItem(KNOWN, JSON.stringify({ ...me, csrfToken: undefined }))
  else localStorage.removeItem(KNOWN)
}

export function usePhoneSession(): PhoneSession {
  const [status, setStatus] = useState<PhoneSession>({ kind: 'checking' })
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const check = async () => {
      clearTimeout(timer)
      try {
        const me = await fetchJson('/api/v1/me', Me)
        if (stopped) return
        setCsrfToken(me.csrfToken ?? null)
        rememberMe(me)
        setStatus((s) => (s.kind === 'signed-in' && !s.offline && JSON.stringify(s.me) === JSON.stringify(me) ? s : { kind: 'signed-in', me, offline: false }))
      } catch (e) {
        if (stopped) return
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null)
          rememberMe(null)
          return setStatus({ kind: 'signed-out', notice: null })
        }
        const known = lastKnown()
        setStatus((s) => (s.kind === 'signed-in' ? (s.offline ? s : { ...s, offline: true }) : known ? { kind: 'signed-in', me: known, offline: true } : { kind: 'unreachable' }))
        timer = setTimeout(() => void check(), RETRY_MS)
      }
    }
    void check()
    const again = () => void check()
    window.addEventListener('online', again)
    const off = onSessionDoubt(again)
    return () => {
      stopped = true
      clearTimeout(timer)
      window.removeEventListener('online', again)
      off()
    }
  }, [])
  return status
}
