import { useEffect, useRef } from 'react'

export type Shortcuts = {
  /** Alt+1 … Alt+9: merge into (or out of) the nth duplicate candidate, counted from 0. */
  mergeNth: (n: number) => void
  /** Esc: take a merge back; true when there was one to take back. */
  cancel: () => boolean
  /** Alt+N: a new call, the form cleared. */
  newCall: () => void
  /** Ctrl+K: to the search box. */
  search: () => void
}

/**
 * The seat's keys, on the whole page, whichever field has the focus. By `code`, not `key`: Alt with a digit
 * types another character on some layouts. Each one handled is kept from the browser (Alt+n would switch tabs).
 */
export function useShortcuts(handlers: Shortcuts): void {
  const current = useRef(handlers)
  current.current = handlers
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = current.current
      const digit = /^Digit([1-9])$/.exec(e.code)
      if (e.altKey && !e.ctrlKey && !e.metaKey && digit) h.mergeNth(Number(digit[1]) - 1)
      else if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') h.newCall()
      else if ((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyK') h.search()
      else if (e.key === 'Escape' && !e.defaultPrevented && h.cancel()) { /* handled */ }
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
