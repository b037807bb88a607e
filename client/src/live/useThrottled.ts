import { useEffect, useRef, useState } from 'react'

/**
 * `value`, passed on at most once per `ms`: the latest one at the end of each interval. For what is
 * costly to redraw and need not follow every change (the grid shading redraws the whole map).
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value)
  const last = useRef(0)
  useEffect(() => {
    if (value === shown) return
    const timer = setTimeout(() => {
      last.current = Date.now()
      setShown(value)
    }, Math.max(0, last.current + ms - Date.now()))
    return () => clearTimeout(timer)
  }, [value, shown, ms])
  return shown
}
