import { useMemo, useRef } from 'react'
import type { LiveState } from '../live/liveState'
import { useThrottled } from '../live/useThrottled'
import { gridShades, sameShades, type Shades } from './gridShades'
import type { Theme } from './wallConfig'

/**
 * How soon each theme's shading follows the city. A new shading redraws the whole base map (about a
 * second of a 4K wall drawn in software, during which the points wait), so case load and patrol
 * visits, which move with every report and fix, are taken afresh on the clock's 30 s steps (when a
 * cycling wall also turns its theme), their points at once; a camera's lost cover shows within 2 s,
 * since a dead camera's hole is what that theme is for.
 */
export const FOLLOW_MS: Record<Theme, number> = { cases: 30_000, cameras: 2000, patrols: 30_000 }

/**
 * The grid shading of the theme on show, from the first live state the screen has (`synced`) on. A
 * shading with the same colours as the one drawn is the same object, so what does not change the
 * picture does not redraw the map.
 */
export function useGridShading(theme: Theme, live: LiveState, synced: boolean, now: number, patrolHours: number): Shades {
  const latest = useRef(live)
  latest.current = live
  const covers = useThrottled(live.covers, FOLLOW_MS.cameras)
  // Overdue cases and fading visits are judged at the step they are taken at; lost cover does not age.
  const step = theme === 'cameras' ? 0 : Math.floor(now / FOLLOW_MS[theme]) * FOLLOW_MS[theme]
  const drawn = useRef<Shades>(new Map())
  return useMemo(() => {
    const { cases, visits } = latest.current
    const next = gridShades(theme, { cases, covers, visits }, step, patrolHours)
    if (!sameShades(drawn.current, next)) drawn.current = next
    return drawn.current
  }, [theme, step, theme === 'cameras' ? covers : null, synced, patrolHours])
}
