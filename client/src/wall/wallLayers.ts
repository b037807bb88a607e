import type { Layer } from '@deck.gl/core'
import type { LiveState } from '../live/liveState'
import type { Frame } from '../map/parts/OverLayers'
import { cameraViewsLayer } from '../map/layers/cameraViewsLayer'
import { camerasLayer } from '../map/layers/camerasLayer'
import { caseLevelsLayer } from '../map/layers/caseLevelsLayer'
import { awaitingLayer } from '../map/layers/awaitingLayer'
import { casesLayer } from '../map/layers/casesLayer'
import { patrolsLayer } from '../map/layers/patrolsLayer'
import { pulsesLayer } from '../map/layers/pulsesLayer'
import { trailsLayer, type trailColumns } from '../map/layers/trailsLayer'

/** What the wall draws over the map in a frame. */
export type WallScene = {
  live: LiveState
  trails: ReturnType<typeof trailColumns>
  /** The time overdue is judged at (moves in steps, not every frame). */
  now: number
  scale: number
}

/** Under the base map's lines and labels: the cameras' views when given (closer in). The grids' shading is the base map's own. */
export function wallUnderLayers(s: { cameras: LiveState['cameras'] | null }): Layer[] {
  return s.cameras ? [cameraViewsLayer({ cameras: s.cameras, beforeId: 'grid-line' })] : []
}

/**
 * Over everything, for one frame, bottom to top: trails, cameras, patrols, rings round the cases nobody has taken, cases, their levels and
 * the pulses of new reports. Pure: the same scene and frame give the same layers.
 */
export function wallOverLayers(s: WallScene, frame: Frame): Layer[] {
  const { live, scale } = s
  return [
    trailsLayer({ columns: s.trails, scale }),
    camerasLayer({ cameras: live.cameras, scale }),
    patrolsLayer({ trails: live.trails, scale }),
    awaitingLayer({ cases: live.cases, scale }),
    casesLayer({ cases: live.cases, now: s.now, scale, pickable: true }),
    caseLevelsLayer({ cases: live.cases, scale }),
    pulsesLayer({ cases: live.cases, time: frame.time, scale }),
  ]
}
