import type { Layer } from '@deck.gl/core'
import type { LiveState } from '../live/liveState'
import type { Frame } from '../map/parts/OverLayers'
import { cameraViewsLayer } from '../map/layers/cameraViewsLayer'
import { camerasLayer } from '../map/layers/camerasLayer'
import { caseHalosLayer } from '../map/layers/caseHalosLayer'
import { caseHexagonsLayer } from '../map/layers/caseHexagonsLayer'
import { caseLevelsLayer } from '../map/layers/caseLevelsLayer'
import { awaitingLayer } from '../map/layers/awaitingLayer'
import { casesLayer } from '../map/layers/casesLayer'
import { patrolsLayer } from '../map/layers/patrolsLayer'
import { type PlaceLabel, placeLabelsLayer } from '../map/layers/placeLabelsLayer'
import { pulsesLayer } from '../map/layers/pulsesLayer'
import { REGION_TILE_ZOOM } from '../map/tiledStyle'
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
  /** The townships' names (a tiled area's: its children's, with their cases), written over the points beneath the cases. */
  labels: readonly PlaceLabel[]
  /**
   * An area drawn from tiles (`latitude` its own): further out than where townships are drawn its cases are
   * binned in hexagons under the names, closer in they are points as on a county's wall.
   */
  binned: { latitude: number } | null
  /** Whether patrols, their trails and cameras are drawn: not on a wide area's wall, whose room carries cases only. */
  units: boolean
}

/** From this zoom a tiled area's cases are points, as on a county's wall: where the tiles draw townships. */
export const CASE_POINTS_ZOOM = REGION_TILE_ZOOM.township

/** Whether a frame at `zoom` of a wall bins its cases in hexagons. */
export const binsCases = (binned: WallScene['binned'], zoom: number): boolean => binned !== null && zoom < CASE_POINTS_ZOOM

/** Under the base map's lines and labels: the cameras' views when given (closer in). The grids' shading is the base map's own. */
export function wallUnderLayers(s: { cameras: LiveState['cameras'] | null }): Layer[] {
  return s.cameras ? [cameraViewsLayer({ cameras: s.cameras, beforeId: 'grid-line' })] : []
}

/**
 * Over everything, for one frame, bottom to top: trails, cameras, patrols, the townships' names, then the
 * cases and what marks them (rings round those nobody has taken, halos round the overdue and urgent, their
 * levels, the pulses of new reports): the cases on top of all, the names above every other point. Trails,
 * cameras and patrols only where the scene has `units`; binned cases as hexagons under the names alone.
 * Pure: the same scene and frame give the same layers.
 */
export function wallOverLayers(s: WallScene, frame: Frame): Layer[] {
  const { live, scale, binned } = s
  const labels = placeLabelsLayer({ labels: s.labels, zoom: frame.zoom, scale })
  if (binned && binsCases(binned, frame.zoom)) {
    return [caseHexagonsLayer({ cases: live.cases, now: s.now, zoom: frame.zoom, latitude: binned.latitude, scale }), labels]
  }
  return [
    ...(!s.units ? [] : [
      trailsLayer({ columns: s.trails, scale }),
      camerasLayer({ cameras: live.cameras, scale, loud: s.theme === 'cameras' }),
      patrolsLayer({ trails: live.trails, scale }),
    ]),
    labels,
    awaitingLayer({ cases: live.cases, scale }),
    caseHalosLayer({ cases: live.cases, now: s.now, scale }),
    casesLayer({ cases: live.cases, now: s.now, scale, pickable: true }),
    caseLevelsLayer({ cases: live.cases, scale }),
    pulsesLayer({ cases: live.cases, time: frame.time, scale }),
  ]
}
