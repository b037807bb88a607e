import * as turf from '@turf/turf'
import type { CameraClass, CameraSite, CameraState, CaptureKind } from '../../contract/domain'
import { ANDA } from './anda'
import { distKm2, inside, offsetKm, pointIn, type Area, type Pt } from './geo'
import type { CityLayout } from './layout'
import type { Road } from './roads'
import { allocate, type Rng } from './rng'

export type CameraPlan = {
  code: string
  class: CameraClass
  capture: CaptureKind
  site: CameraSite
  at: Pt
  bearingDeg: number
  fovDeg: number
  rangeM: number
  state: CameraState
  stateChangedAt: Date
}

type Placed = { site: CameraSite; at: Pt; bearingDeg?: number }

/**
 * Sharp Eyes cameras where such cameras stand: class A (public security) at town junctions, along
 * streets and county roads, at township seats and village entrances; class B (units) around schools,
 * hospitals, companies and township governments; class C (shops, estates) in the town. A few percent
 * are offline or faulty, and one cut fibre has taken a whole block off line.
 */
export function layOutCameras(
  rng: Rng, layout: CityLayout, roads: readonly Road[], junctions: readonly Pt[], urbanGrids: readonly Area[], now: Date,
): CameraPlan[] {
  const a = classA(rng.fork('A'), layout, roads, junctions)
  const b = classB(rng.fork('B'), layout)
  const c = Array.from({ length: ANDA.cameras.C }, (): Placed => {
    const grid = rng.pick(urbanGrids)
    return { site: rng.chance(0.6) ? 'shop' : 'estate', at: pointIn(rng, grid) }
  })
  const captures = captureKinds(rng.fork('capture'), a.length)
  const outage = pointIn(rng.fork('outage'), layout.town)
  const states = rng.fork('state')
  const all = [
    ...a.map((p, i) => ({ ...p, class: 'A' as const, capture: captures[i]!, fov: [60, 90], range: [80, 160] })),
    ...b.map((p) => ({ ...p, class: 'B' as const, capture: 'video' as const, fov: [70, 110], range: [30, 70] })),
    ...c.map((p) => ({ ...p, class: 'C' as const, capture: 'video' as const, fov: [80, 110], range: [20, 40] })),
  ]
  return all.map((p, i) => {
    const state: CameraState = distKm2(p.at, outage) < 0.6 ** 2 ? 'offline' : states.weighted({ online: 93, offline: 5, faulty: 2 })
    const hoursAgo = state === 'online' ? states.range(24, 90 * 24) : states.range(0.2, 72)
    return {
      // GB/T 28181 device id: 8-digit centre, 2-digit trade, 3-digit type (132 = camera), network, serial.
      code: `23128100001320${String(i + 1).padStart(6, '0')}`,
      class: p.class, capture: p.capture, site: p.site, at: p.at,
      bearingDeg: Math.round(p.bearingDeg ?? states.range(0, 360)) % 360,
      fovDeg: Math.round(states.range(p.fov[0]!, p.fov[1]!)),
      rangeM: Math.round(states.range(p.range[0]!, p.range[1]!)),
      state,
      stateChangedAt: new Date(now.getTime() - hoursAgo * 3_600_000),
    }
  })
}

/** Exactly half of the class-A groups capture faces or vehicles, as the reports count them. */
function captureKinds(rng: Rng, n: number): CaptureKind[] {
  const half = Math.round(n / 2)
  const kinds: CaptureKind[] = Array.from({ length: n }, (_, i) => (i < half / 2 ? 'vehicle' : i < half ? 'face' : 'video'))
  return rng.shuffle(kinds)
}

function classA(rng: Rng, layout: CityLayout, roads: readonly Road[], junctions: readonly Pt[]): Placed[] {
  const out: Placed[] = junctions.map((at) => ({ site: 'junction', at }))
  for (const t of layout.townships.filter((x) => x.kind === 'township')) {
    out.push({ site: 'government', at: t.seat })
    for (let k = 0; k < 10; k++) out.push({ site: rng.pick(['junction', 'market', 'road'] as const), at: jitter(rng, t.seat, 0.6, layout.outline) })
  }
  for (const v of layout.communities.filter((x) => x.kind === 'village')) out.push({ site: 'junction', at: jitter(rng, v.seat, 0.2, layout.outline) })
  out.push(...Array.from({ length: 6 }, () => ({ site: 'station' as const, at: jitter(rng, ANDA.center, 0.3, layout.outline) })))

  const townRoads = roads.filter((r) => r.kind === 'street' || r.kind === 'arterial')
  const countyRoads = roads.filter((r) => r.kind === 'county_road' || r.kind === 'expressway')
  const left = ANDA.cameras.A - out.length
  const inTown = Math.round(left * 0.6)
  for (let k = 0; k < left; k++) {
    const road = k < inTown ? rng.pick(townRoads) : rng.pick(countyRoads)
    const p = pointAlong(rng, road.line, (q) => inside(q, k < inTown ? layout.town : layout.outline))
    out.push({ site: 'road', ...p })
  }
  return out.slice(0, ANDA.cameras.A)
}

const SITE_WEIGHT: Partial<Record<CameraSite, number>> = { school: 8, hospital: 12, company: 6, government: 4 }

function classB(rng: Rng, layout: CityLayout): Placed[] {
  const sites: { site: CameraSite; at: Pt }[] = []
  for (const c of layout.communities) {
    const urban = c.kind === 'community'
    const add = (site: CameraSite, n: number, km: number) => {
      for (let k = 0; k < n; k++) sites.push({ site, at: jitter(rng, c.seat, km, layout.outline) })
    }
    add('school', urban ? 2 : rng.chance(0.4) ? 1 : 0, urban ? 0.4 : 0.3)
    add('hospital', urban ? 1 : rng.chance(0.3) ? 1 : 0, 0.4)
    add('company', urban ? 4 : rng.int(0, 2), urban ? 0.5 : 1.2)
    add('government', 1, 0.1)
  }
  const counts = allocate(ANDA.cameras.B, sites.map((s) => SITE_WEIGHT[s.site] ?? 4), 1)
  return sites.flatMap((s, i) => Array.from({ length: counts[i]! }, () => ({ site: s.site, at: jitter(rng, s.at, 0.08, layout.outline) })))
}

/** A point near `p` (normal spread, `km` ≈ two standard deviations), never outside the city. */
function jitter(rng: Rng, p: Pt, km: number, within: Area): Pt {
  for (let tries = 0; tries < 50; tries++) {
    const q = offsetKm(p, rng.normal(0, km / 2), rng.normal(0, km / 2))
    if (inside(q, within)) return q
  }
  return p
}

/** A random point on a polyline that passes `accept`, facing along the road. */
function pointAlong(rng: Rng, line: Pt[], accept: (p: Pt) => boolean): { at: Pt; bearingDeg: number } {
  const feature = turf.lineString(line)
  const length = turf.length(feature)
  for (let tries = 0; tries < 200; tries++) {
    const d = rng.range(0, length)
    const at = turf.along(feature, d).geometry.coordinates as Pt
    if (!accept(at)) continue
    const ahead = turf.along(feature, Math.min(length, d + 0.05)).geometry.coordinates as Pt
    const bearing = (turf.bearing(at, ahead) + (rng.chance(0.5) ? 360 : 180)) % 360
    return { at, bearingDeg: bearing }
  }
  return { at: line[0]!, bearingDeg: rng.range(0, 360) }
}
