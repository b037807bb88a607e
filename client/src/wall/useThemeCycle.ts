import { useEffect, useState } from 'react'
import { THEMES, type Theme } from './wallConfig'

/** The theme the grids are shaded by: the pinned one, or each in turn for `seconds`. Also when the current one began. */
export function useThemeCycle(pinned: Theme | null, seconds: number): { theme: Theme; since: number } {
  const [current, setCurrent] = useState({ index: 0, since: Date.now() })
  useEffect(() => {
    if (pinned) return
    const timer = setInterval(() => setCurrent((c) => ({ index: (c.index + 1) % THEMES.length, since: Date.now() })), seconds * 1000)
    return () => clearInterval(timer)
  }, [pinned, seconds])
  return { theme: pinned ?? THEMES[current.index]!, since: current.since }
}
