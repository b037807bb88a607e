import type { Layer } from '@deck.gl/core'
import type { LiveState } from '../live/liveState'
import type { Frame } from '../map/parts/OverLayers'
import { cameraViewsLayer } from '../map/layers/cameraViewsLayer'
import { camerasLayer } from '../map/layers/camerasLayer'
import { caseHalosLayer } from '../map/layers/caseHalosLayer'
import { caseLevelsLayer } from '../map/layers/caseLevelsLayer'
import { awaitingLayer } from '../map/layers/awaitingLayer'
import { casesLayer } from '../map/layers/casesLayer'
import { patrolsLayer } from '../map/layers/patrolsLayer'
import { type PlaceLabel, placeLabelsLayer } from '../map/layers/placeLabelsLayer'
import { pulsesLayer } from '../map/layers/pulsesLayer'
import { trailsLayer, type trailColumns } from '../map/layers/trailsLayer'
import type { Theme } from './wallConfig'

/** What the wall draws over the map in a frame. */
export type WallScene = {
  live: LiveState
  trails: ReturnType<typeof trailColumns>
  /** The time overdue is judged at (moves in steps, not every frame). */
  now: number
  scale: number
  /** The grid shading's theme: cameras that are down are loud only in the camera-cover theme. */
  theme: Theme
  /** The townships' names, written over the points beneath the cases. */
  labels: readonly PlaceLabel[]
}

/** Under the base map's lines and labels: the cameras' views when given (closer in). The grids' shading is the base map's own. */
export function wallUnderLayers(s: { cameras: LiveState['cameras'] | null }): Layer[] {
  return s.cameras ? [cameraViewsLayer({ cameras: s.cameras, beforeId: 'grid-line' })] : []
}

/**
 * Over everything, for one frame, bottom to top: trails, cameras, patrols, the townships' names, then the
 * cases and what marks them (rings round those nobody has taken, halos round the overdue and urgent, their
 * levels, the pulses of new reports): the cases on top of all, the names above every other point. Pure:
 * the same scene and frame give the same layers.
 */
export function wallOverLayers(s: WallScene, frame: Frame): Layer[] {
  const { live, scale } = s
  return [
    trailsLayer({ columns: s.trails, scale }),
    camerasLayer({ cameras: live.cameras, scale, loud: s.theme === 'cameras' }),
    patrolsLayer({ trails: live.trails, scale }),
    placeLabelsLayer({ labels: s.labels, zoom: frame.zoom, scale }),
    awaitingLayer({ cases: live.cases, scale }),
    caseHalosLayer({ cases: live.cases, now: s.now, scale }),
    casesLayer({ cases: live.cases, now: s.now, scale, pickable: true }),
    caseLevelsLayer({ cases: live.cases, scale }),
    pulsesLayer({ cases: live.cases, time: frame.time, scale }),
  ]
}
