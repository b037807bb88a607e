import { useCallback, useState } from 'react'

const KEY = 'commandCentre.token'

/**
 * The bearer token a desk screen acts with, kept for the browser tab only (sessionStorage): never in
 * the address, since drill-down links are sent to colleagues.
 */
export function useToken(): [string | null, (token: string | null) => void] {
  const [token, setToken] = useState(() => sessionStorage.getItem(KEY))
  const save = useCallback((t: string | null) => {
    if (t) sessionStorage.setItem(KEY, t)
    else sessionStorage.removeItem(KEY)
    setToken(t)
  }, [])
  return [token, save]
}
