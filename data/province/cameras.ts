import type { CameraClass, CameraSite, CameraState, CaptureKind } from '../../contract/domain'
import type { CameraPlan } from '../city/cameras'
import { type Area, pointIn } from '../city/geo'
import { allocate, type Rng } from '../city/rng'
import { GUIZHOU, perGrid } from './guizhou'

export type CameraGrid = { code: string; kind: string; area: Area }

/** Where each class stands, in the seat towns and in the villages, and its sites there. */
const PLACES: Record<CameraClass, { urbanShare: number; urban: Partial<Record<CameraSite, number>>; rural: Partial<Record<CameraSite, number>> }> = {
  A: { urbanShare: 0.6, urban: { junction: 5, road: 4, station: 1 }, rural: { road: 5, junction: 3, government: 1, market: 1 } },
  B: { urbanShare: 0.5, urban: { school: 3, hospital: 3, company: 3, government: 1 }, rural: { school: 4, company: 3, government: 2, hospital: 1 } },
  C: { urbanShare: 1, urban: { shop: 6, estate: 4 }, rural: {} },
}
const VIEW: Record<CameraClass, { fov: [number, number]; range: [number, number] }> = {
  A: { fov: [60, 90], range: [80, 160] }, B: { fov: [70, 110], range: [30, 70] }, C: { fov: [80, 110], range: [20, 40] },
}

/**
 * Sharp Eyes cameras at Danjiangkou's counts per county-level unit (its 1,742 class-A groups, 3,913 class-B and
 * 256 class-C cameras), scaled by each county's grids against Guizhou's average county: no report counts the
 * province's. Class A stands at junctions and along roads, six in ten in the seat town; class B at schools,
 * hospitals, companies and governments, half in town; class C at the town's shops and estates. Each at a random
 * point of a random town or village grid of its county. Half the class-A groups capture faces or vehicles; a few
 * percent are offline or faulty. `grids` come from the store (grid_areas.sql), so codes name their county.
 */
export function layOutProvinceCameras(rng: Rng, grids: readonly CameraGrid[], now: Date): CameraPlan[] {
  const byCounty = new Map<string, { urban: CameraGrid[]; rural: CameraGrid[] }>()
  for (const g of grids) {
    const county = byCounty.get(g.code.slice(0, 6)) ?? { urban: [], rural: [] }
    county[g.kind === 'urban' ? 'urban' : 'rural'].push(g)
    byCounty.set(g.code.slice(0, 6), county)
  }
  const counties = [...byCounty.entries()].sort(([a], [b]) => a.localeCompare(b))
  const weights = counties.map(([, c]) => c.urban.length + c.rural.length)
  const perCounty = (['A', 'B', 'C'] as const).map((cls) => [cls, allocate(perGrid(grids.length, GUIZHOU.counties * GUIZHOU.camerasPerCounty[cls]), weights, 0)] as const)
  const states = rng.fork('state')
  const out: CameraPlan[] = []
  counties.forEach(([county, mine], c) => {
    let serial = 0
    for (const [cls, counts] of perCounty) {
      const place = PLACES[cls]
      const n = counts[c]!
      const half = Math.round(n / 2)
      for (let k = 0; k < n; k++) {
        const inTown = mine.rural.length === 0 || rng.chance(place.urbanShare)
        const grid = rng.pick(inTown ? mine.urban : mine.rural)
        const capture: CaptureKind = cls === 'A' && k < half ? (k % 2 === 0 ? 'face' : 'vehicle') : 'video'
        const state: CameraState = states.weighted({ online: 93, offline: 5, faulty: 2 })
        const hoursAgo = state === 'online' ? states.range(24, 90 * 24) : states.range(0.2, 72)
        out.push({
          // GB/T 28181 device id: 8-digit centre (the county's), 2-digit trade, 3-digit type (132 = camera), network, serial.
          code: `${county}00001320${String(++serial).padStart(6, '0')}`,
          class: cls, capture, site: rng.weighted((inTown ? place.urban : place.rural) as Record<CameraSite, number>), at: pointIn(rng, grid.area),
          bearingDeg: Math.floor(states.range(0, 360)),
          fovDeg: Math.round(states.range(...VIEW[cls].fov)),
          rangeM: Math.round(states.range(...VIEW[cls].range)),
          state,
          stateChangedAt: new Date(now.getTime() - hoursAgo * 3_600_000),
        })
      }
    }
  })
  return out
}
