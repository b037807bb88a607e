import * as turf from '@turf/turf'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import type { Rng } from './rng'

export type Area = Feature<Polygon | MultiPolygon>
export type Pt = [number, number]

const KM_PER_DEG_LAT = 111.32

/** Degrees of longitude and latitude per kilometre at a latitude (good to a few metres across one county). */
export function degPerKm(lat: number): Pt {
  return [1 / (KM_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)), 1 / KM_PER_DEG_LAT]
}

export function offsetKm([lon, lat]: Pt, eastKm: number, northKm: number): Pt {
  const [dx, dy] = degPerKm(lat)
  return [lon + eastKm * dx, lat + northKm * dy]
}

/** Squared distance in km² (equirectangular; exact enough to compare distances within a county). */
export function distKm2(a: Pt, b: Pt): number {
  const [dx, dy] = degPerKm((a[1] + b[1]) / 2)
  return ((a[0] - b[0]) / dx) ** 2 + ((a[1] - b[1]) / dy) ** 2
}

/** A closed outline around `center` with semi-axes in km and a smooth wobble, as a city or a town looks from above. */
export function blob(rng: Rng, center: Pt, radiiKm: Pt, wobble: number, vertices = 120): Area {
  const harmonics = [2, 3, 4, 5, 7].map((k) => ({ k, a: (wobble / k) * rng.range(0.5, 1), phase: rng.range(0, 2 * Math.PI) }))
  const ring: Position[] = []
  for (let v = 0; v < vertices; v++) {
    const t = (2 * Math.PI * v) / vertices
    const r = 1 + harmonics.reduce((s, h) => s + h.a * Math.sin(h.k * t + h.phase), 0)
    ring.push(offsetKm(center, radiiKm[0] * r * Math.cos(t), radiiKm[1] * r * Math.sin(t)))
  }
  ring.push(ring[0]!)
  return turf.polygon([ring])
}

export const inside = (p: Pt, area: Area): boolean => turf.booleanPointInPolygon(p, area)

/** A uniformly random point inside an area that passes `accept` (rejection sampling in the area's bounding box). */
export function pointIn(rng: Rng, area: Area, accept: (p: Pt) => boolean = () => true): Pt {
  const [minX, minY, maxX, maxY] = turf.bbox(area)
  for (let tries = 0; tries < 100_000; tries++) {
    const p: Pt = [rng.range(minX, maxX), rng.range(minY, maxY)]
    if (inside(p, area) && accept(p)) return p
  }
  throw new Error('area too thin to sample')
}

/**
 * `n` points spread evenly (Mitchell's best candidate: each new point is the candidate farthest from
 * those already chosen and from `keepAway`), so Voronoi cells come out of similar size.
 * `candidate` draws one random candidate; `distance` compares two points (squared km on the globe by default).
 */
export function spreadPoints(candidate: () => Pt, n: number, keepAway: readonly Pt[] = [], tries = 10, distance = distKm2): Pt[] {
  const chosen: Pt[] = []
  const nearest = (p: Pt) => {
    let d = Infinity
    for (const q of chosen) d = Math.min(d, distance(p, q))
    for (const q of keepAway) d = Math.min(d, distance(p, q))
    return d
  }
  for (let i = 0; i < n; i++) {
    let best = candidate()
    let bestD = nearest(best)
    for (let c = 1; c < tries; c++) {
      const p = candidate()
      const d = nearest(p)
      if (d > bestD) [best, bestD] = [p, d]
    }
    chosen.push(best)
  }
  return chosen
}

/** `k` of `points` spread apart (best candidate again, drawing candidates from the given points). */
export function pickSpread(rng: Rng, points: readonly Pt[], k: number): Pt[] {
  if (k > points.length) throw new Error(`cannot pick ${k} of ${points.length} points`)
  const picked = spreadPoints(() => rng.pick(points), k, [], 20)
  return [...new Set(picked)].length === k ? picked : rng.shuffle(points).slice(0, k)
}

/** Index of the point of `among` nearest to `p`. */
export function nearestIndex(p: Pt, among: readonly Pt[]): number {
  let best = 0
  let bestD = Infinity
  among.forEach((q, i) => {
    const d = distKm2(p, q)
    if (d < bestD) [best, bestD] = [i, d]
  })
  return best
}

/** Readers expect numbering to run from the north-west: north to south in bands of `bandDeg`, then west to east. */
export function readingOrder<T>(items: readonly T[], at: (t: T) => Pt, bandDeg: number): T[] {
  return [...items].sort((a, b) => Math.round(at(b)[1] / bandDeg) - Math.round(at(a)[1] / bandDeg) || at(a)[0] - at(b)[0])
}

export function bearingDeg(from: Pt, to: Pt): number {
  return (turf.bearing(from, to) + 360) % 360
}
