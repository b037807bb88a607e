import { useEffect, useRef, useState } from 'react'

/**
 * `value`, passed on `ms` after it changes and then at most once per `ms`, the latest at each step;
 * the first change goes through at once. For what is costly to redraw and need not follow every
 * change: the grid shading redraws the whole map, and a new case's point should be drawn first.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value)
  const latest = useRef(value)
  latest.current = value
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const first = useRef(true)
  useEffect(() => () => clearTimeout(timer.current), [])
  useEffect(() => {
    if (value === shown || timer.current !== undefined) return
    const wait = first.current ? 0 : ms
    first.current = false
    timer.current = setTimeout(() => {
      timer.current = undefined
      setShown(latest.current)
    }, wait)
  }, [value, shown, ms])
  return shown
}
