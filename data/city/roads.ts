import * as turf from '@turf/turf'
import { ANDA } from './anda'
import { type Area, inside, offsetKm, type Pt } from './geo'
import type { CityLayout } from './layout'
import type { Rng } from './rng'

export type RoadKind = 'expressway' | 'railway' | 'arterial' | 'street' | 'county_road' | 'village_road'
export type Road = { kind: RoadKind; name: string | null; line: Pt[] }

/** Town streets run on a lattice turned a little off north, as Anda's do along the railway. */
const LATTICE_TURN_DEG = 12
const BLOCK_KM = 0.45

/**
 * A plausible road network: the Binzhou railway and the G10 expressway crossing the city north-west to
 * south-east, a street lattice in the town, county roads from the town to each township seat and
 * village roads from each seat to its villages. Lines may run past the border; the store clips them.
 */
export function layOutRoads(rng: Rng, layout: CityLayout): { roads: Road[]; junctions: Pt[] } {
  const roads: Road[] = []
  const along = (bearing: number, offsetKmRight: number, halfKm: number): Pt[] => {
    const mid = turf.destination(ANDA.center, offsetKmRight, bearing + 90, { units: 'kilometers' }).geometry.coordinates as Pt
    return [-halfKm, -halfKm / 3, halfKm / 3, halfKm].map((d) =>
      turf.destination(mid, d, bearing, { units: 'kilometers' }).geometry.coordinates as Pt)
  }
  roads.push({ kind: 'railway', name: '滨洲铁路', line: along(300, 0.4, 60) })
  roads.push({ kind: 'expressway', name: 'G10绥满高速', line: along(300, -4.5, 60) })

  const { lines, junctions } = lattice(layout.town)
  roads.push(...lines.map((line, k) => ({
    kind: (k % 4 === 0 ? 'arterial' : 'street') as RoadKind,
    name: k % 4 === 0 ? `${['中华', '建设', '新兴', '安虹', '东城', '铁西', '友谊', '光明'][(k / 4) % 8]}${k < lines.length / 2 ? '大街' : '路'}` : null,
    line,
  })))

  const streetCount = layout.townships.filter((t) => t.kind === 'street').length
  layout.townships.slice(streetCount).forEach((t) => {
    roads.push({ kind: 'county_road', name: `安${t.name.slice(0, 2)}公路`, line: wander(rng, ANDA.center, t.seat) })
  })
  layout.communities.forEach((c) => {
    const t = layout.townships[c.parent]!
    if (t.kind === 'township') roads.push({ kind: 'village_road', name: null, line: wander(rng, t.seat, c.seat) })
  })
  return { roads, junctions }
}

/** A road from a to b that bends once or twice, as country roads follow field edges. */
function wander(rng: Rng, a: Pt, b: Pt): Pt[] {
  const bend = (t: number): Pt => {
    const p: Pt = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
    return offsetKm(p, rng.normal(0, 0.6), rng.normal(0, 0.6))
  }
  return [a, bend(0.35), bend(0.7), b]
}

/** The lattice lines over the town's bounding box and the crossings inside the town. */
function lattice(town: Area): { lines: Pt[][]; junctions: Pt[] } {
  const [ex, ny] = [ANDA.townRadiiKm[0] * 1.4, ANDA.townRadiiKm[1] * 1.4]
  const rad = (LATTICE_TURN_DEG * Math.PI) / 180
  const at = (u: number, v: number): Pt =>
    offsetKm(ANDA.center, u * Math.cos(rad) - v * Math.sin(rad), u * Math.sin(rad) + v * Math.cos(rad))
  const steps = (half: number) => Array.from({ length: Math.floor((2 * half) / BLOCK_KM) + 1 }, (_, i) => -half + i * BLOCK_KM)
  const us = steps(ex)
  const vs = steps(ny)
  const lines = [
    ...vs.map((v) => [at(-ex, v), at(ex, v)]),
    ...us.map((u) => [at(u, -ny), at(u, ny)]),
  ]
  const junctions = us.flatMap((u) => vs.map((v) => at(u, v))).filter((p) => inside(p, town))
  return { lines, junctions }
}
