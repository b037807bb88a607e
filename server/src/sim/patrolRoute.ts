import * as turf from '@turf/turf'
import type { Feature, LineString } from 'geojson'
import type { Rng } from '../../../data/city/rng'

type Pt = [number, number]

/** How fast each kind of patrol moves, m/s: cars for police, on foot or by bicycle for the others. */
export const SPEED_MPS = { police: 8, auxiliary: 5, volunteer: 1.4, grid_worker: 1.2 } as const

/**
 * A unit walking a road back and forth: the road nearest its start, then along it at its speed.
 * `advance` gives the position after some seconds of the unit's time.
 */
export function patrolRoute(rng: Rng, start: Pt, roads: readonly Feature<LineString>[], speedMps: number) {
  const near = roads
    .map((road) => ({ road, d: turf.pointToLineDistance(start, road, { units: 'kilometers' }) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
  const road = rng.pick(near).road
  const lengthKm = turf.length(road)
  let along = turf.nearestPointOnLine(road, start, { units: 'kilometers' }).properties.location ?? 0
  let direction = rng.chance(0.5) ? 1 : -1
  return {
    advance(seconds: number): { location: Pt; heading: number } {
      along += (direction * speedMps * seconds) / 1000
      if (along > lengthKm || along < 0) {
        direction = -direction
        along = Math.min(lengthKm, Math.max(0, along))
      }
      const here = turf.along(road, along).geometry.coordinates as Pt
      const ahead = turf.along(road, Math.min(lengthKm, Math.max(0, along + direction * 0.01))).geometry.coordinates as Pt
      return { location: [Number(here[0].toFixed(6)), Number(here[1].toFixed(6))], heading: (turf.bearing(here, ahead) + 360) % 360 }
    },
  }
}
