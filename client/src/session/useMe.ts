import { useEffect, useState } from 'react'
import { Me } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import { errorText } from '../ui/format'

export type MeStatus = { kind: 'signed-out' } | { kind: 'checking' } | { kind: 'known'; me: Me } | { kind: 'refused'; message: string }

/** Who the token stands for (GET /api/v1/me), so the screen offers only what that role may do. */
export function useMe(token: string | null): MeStatus {
  const [status, setStatus] = useState<MeStatus>({ kind: token ? 'checking' : 'signed-out' })
  useEffect(() => {
    if (!token) return setStatus({ kind: 'signed-out' })
    let stopped = false
    setStatus({ kind: 'checking' })
    fetchJson('/api/v1/me', Me, { headers: { Authorization: `Bearer ${token}` } }).then(
      (me) => !stopped && setStatus({ kind: 'known', me }),
      (err: unknown) => !stopped && setStatus({ kind: 'refused', message: errorText(err) }),
    )
    return () => void (stopped = true)
  }, [token])
  return status
}
