import type { PatrolKind } from '../../contract/domain'
import { labels } from '../../contract/labels'
import { ANDA } from './anda'
import { offsetKm, type Pt } from './geo'
import type { CityLayout } from './layout'
import { patrolRoute, SPEED_MPS } from './patrolRoute'
import type { RoadLine } from './roadNetwork'
import type { Rng } from './rng'

export type PatrolPlan = { code: string; kind: PatrolKind; callSign: string; township: number; at: Pt }

/**
 * Patrol units of each kind, identified by call sign only. Police and auxiliary police patrol the
 * streets and township seats, volunteer patrols (义警) the town's communities, grid workers any grid.
 * Each starts near its base (see `patrolHistory`).
 */
export function layOutPatrols(rng: Rng, layout: CityLayout): PatrolPlan[] {
  const streets = layout.townships.flatMap((t, i) => (t.kind === 'street' ? [i] : []))
  const townships = layout.townships.flatMap((t, i) => (t.kind === 'township' ? [i] : []))
  const baseFor: Record<PatrolKind, (k: number) => number> = {
    police: (k) => (k % 5 < 3 ? streets[k % streets.length]! : townships[k % townships.length]!),
    auxiliary: (k) => (k % 2 === 0 ? streets[k % streets.length]! : townships[k % townships.length]!),
    volunteer: (k) => streets[k % streets.length]!,
    grid_worker: () => rng.int(0, layout.townships.length - 1),
  }
  return (Object.entries(ANDA.patrolUnits) as [PatrolKind, number][]).flatMap(([kind, n]) =>
    Array.from({ length: n }, (_, k) => {
      const township = baseFor[kind](k)
      const seat = layout.townships[township]!.seat
      return {
        code: `PU-${kind.slice(0, 3).toUpperCase()}-${String(k + 1).padStart(2, '0')}`,
        kind,
        callSign: `${labels.patrolKind[kind]}${String(k + 1).padStart(2, '0')}`,
        township,
        at: offsetKm(seat, rng.normal(0, 0.8), rng.normal(0, 0.8)) as Pt,
      }
    }),
  )
}

export type FixPlan = { unit: string; at: Date; location: Pt; heading: number; speedMps: number; gridCode: string | null }

/**
 * What each unit did before the city's first start, so the wall's patrol coverage means something
 * from the first minute: `hours` of fixes, one every `stepSeconds`, the last at `now`, moving along
 * the roads from its start as the simulator then carries on, each fix in the grid `gridAt` gives.
 */
export function patrolHistory(
  rng: Rng, units: readonly PatrolPlan[], roads: readonly RoadLine[], gridAt: (p: Pt) => string | null,
  now: Date, { hours, stepSeconds }: { hours: number; stepSeconds: number },
): FixPlan[] {
  const steps = Math.floor((hours * 3600) / stepSeconds)
  return units.flatMap((u) => {
    const route = patrolRoute(rng.fork(u.code), u.at, roads, u.kind)
    return Array.from({ length: steps + 1 }, (_, k): FixPlan => {
      const { location, heading } = route.advance(k === 0 ? 0 : stepSeconds)
      return {
        unit: u.code, at: new Date(now.getTime() - (steps - k) * stepSeconds * 1000), location, heading,
        speedMps: SPEED_MPS[u.kind], gridCode: gridAt(location),
      }
    })
  })
}
