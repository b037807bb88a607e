import { useCallback, useEffect, useState } from 'react'

/** What the phone shows, by its address: `/m` the report form, `/m/cases` the grid's open cases, `/m/case/<id>` one case. */
export type PhoneView = { view: 'report' } | { view: 'cases' } | { view: 'case'; id: number }

export function viewOf(path: string): PhoneView {
  const one = /^\/m\/case\/(\d{1,15})\/?$/.exec(path)
  if (one) return { view: 'case', id: Number(one[1]) }
  return /^\/m\/cases\/?$/.test(path) ? { view: 'cases' } : { view: 'report' }
}

export const pathOf = (v: PhoneView) => (v.view === 'case' ? `/m/case/${v.id}` : v.view === 'cases' ? '/m/cases' : '/m')

/** The view in the address bar, and a way to go to another (the phone's back button goes back). */
export function usePhoneView(): [PhoneView, (v: PhoneView) => void] {
  const [view, setView] = useState(() => viewOf(window.location.pathname))
  useEffect(() => {
    const back = () => setView(viewOf(window.location.pathname))
    window.addEventListener('popstate', back)
    return () => window.removeEventListener('popstate', back)
  }, [])
  const go = useCallback((v: PhoneView) => {
    if (pathOf(v) !== window.location.pathname) window.history.pushState(null, '', pathOf(v))
    setView(v)
  }, [])
  return [view, go]
}
