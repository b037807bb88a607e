import type { PatrolKind } from '../../contract/domain'
import { distKm2, type Pt } from './geo'
import { nearestOn, pointAt, type RoadLine } from './roadNetwork'
import type { Rng } from './rng'

/** How fast each kind of patrol moves, m/s: cars for police, on foot or by bicycle for the others. */
export const SPEED_MPS = { police: 8, auxiliary: 5, volunteer: 1.4, grid_worker: 1.2 } as const satisfies Record<PatrolKind, number>

/** How far from where it started a unit strays, km, before it takes the way home at each crossing. */
const BEAT_KM = { police: 5, auxiliary: 3, volunteer: 1.2, grid_worker: 0.8 } as const satisfies Record<PatrolKind, number>

/** The chance a unit on its beat turns into the road it is crossing. */
const TURN = 0.35

type Place = { road: number; at: number; direction: 1 | -1 }

/**
 * A unit patrolling the roads: from one of the roads nearest its start, along it at its kind's speed,
 * now and then turning at a crossing, back at a dead end, and homewards once it has strayed past its
 * beat. `advance` gives the position after some seconds of the unit's time.
 */
export function patrolRoute(rng: Rng, start: Pt, roads: readonly RoadLine[], kind: PatrolKind) {
  const near = roads.map((road, i) => ({ road: i, ...nearestOn(road, start) })).sort((a, b) => a.d - b.d).slice(0, 3)
  const first = rng.pick(near)
  let here: Place = { road: first.road, at: first.at, direction: rng.chance(0.5) ? 1 : -1 }
  const beat2 = BEAT_KM[kind] ** 2
  const homeward = (options: Place[]) => {
    const fromHome = (o: Place) => distKm2(pointAt(roads[o.road]!, o.at + o.direction * 0.2).point, start)
    return options.reduce((best, o) => (fromHome(o) < fromHome(best) ? o : best))
  }
  const atCrossing = (road: number, otherAt: number): Place => {
    const options: Place[] = [here, { road, at: otherAt, direction: 1 }, { road, at: otherAt, direction: -1 }]
    if (distKm2(pointAt(roads[here.road]!, here.at).point, start) > beat2) return homeward(options)
    return rng.chance(TURN) ? options[rng.chance(0.5) ? 1 : 2]! : here
  }
  return {
    advance(seconds: number): { location: Pt; heading: number } {
      let left = (SPEED_MPS[kind] * seconds) / 1000
      while (left > 0) {
        const road = roads[here.road]!
        const { at, direction } = here
        const next = direction > 0 ? road.crossings.find((c) => c.at > at) : road.crossings.findLast((c) => c.at < at)
        const stop = next?.at ?? (direction > 0 ? road.lengthKm : 0)
        if (Math.abs(stop - at) >= left) {
          here = { ...here, at: at + direction * left }
          break
        }
        left -= Math.abs(stop - at)
        here = { ...here, at: stop }
        here = next ? atCrossing(next.road, next.otherAt) : { ...here, direction: direction > 0 ? -1 : 1 }
      }
      const { point, bearing } = pointAt(roads[here.road]!, here.at)
      return { location: [Number(point[0].toFixed(6)), Number(point[1].toFixed(6))], heading: here.direction > 0 ? bearing : (bearing + 180) % 360 }
    },
  }
}
