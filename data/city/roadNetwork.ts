import type { LineString, MultiLineString } from 'geojson'
import { bearingDeg, degPerKm, type Pt } from './geo'

/** Where another road crosses this one: km along this road, the other road, km along the other. */
export type Crossing = { at: number; road: number; otherAt: number }

/** A road as a polyline measured in km, with the crossings along it in order. */
export type RoadLine = { points: Pt[]; cumKm: number[]; lengthKm: number; crossings: Crossing[] }

/**
 * Roads with where each crosses the others, for patrols to turn at. Distances are equirectangular:
 * a few metres off across one county, and the same on every machine.
 */
export function roadNetwork(lines: readonly Pt[][]): RoadLine[] {
  const roads = lines.map(measure).filter((r) => r.lengthKm > 0.01)
  for (let a = 0; a < roads.length; a++) for (let b = a + 1; b < roads.length; b++) cross(roads, a, b)
  for (const r of roads) r.crossings.sort((x, y) => x.at - y.at)
  return roads
}

/** The lines of a road as the store and the API give it. */
export const linesOf = (g: LineString | MultiLineString): Pt[][] => (g.type === 'LineString' ? [g.coordinates] : g.coordinates) as Pt[][]

const km = (a: Pt, b: Pt): number => {
  const [dx, dy] = degPerKm((a[1] + b[1]) / 2)
  return Math.hypot((a[0] - b[0]) / dx, (a[1] - b[1]) / dy)
}

function measure(points: Pt[]): RoadLine {
  const cumKm = [0]
  for (let i = 1; i < points.length; i++) cumKm.push(cumKm[i - 1]! + km(points[i - 1]!, points[i]!))
  return { points, cumKm, lengthKm: cumKm.at(-1)!, crossings: [] }
}

function cross(roads: RoadLine[], a: number, b: number): void {
  const [p, q] = [roads[a]!, roads[b]!]
  for (let i = 0; i + 1 < p.points.length; i++) {
    for (let j = 0; j + 1 < q.points.length; j++) {
      const hit = segmentsCross(p.points[i]!, p.points[i + 1]!, q.points[j]!, q.points[j + 1]!)
      if (!hit) continue
      const at = p.cumKm[i]! + hit.t * (p.cumKm[i + 1]! - p.cumKm[i]!)
      const otherAt = q.cumKm[j]! + hit.u * (q.cumKm[j + 1]! - q.cumKm[j]!)
      // A crossing at a shared vertex is found on both segments that meet there: keep one.
      if (p.crossings.some((c) => c.road === b && Math.abs(c.at - at) < 1e-6)) continue
      p.crossings.push({ at, road: b, otherAt })
      q.crossings.push({ at: otherAt, road: a, otherAt: at })
    }
  }
}

/** Where segments ab and cd cross, as fractions along each; null when they do not (or run parallel). */
function segmentsCross(a: Pt, b: Pt, c: Pt, d: Pt): { t: number; u: number } | null {
  const [rx, ry, sx, sy] = [b[0] - a[0], b[1] - a[1], d[0] - c[0], d[1] - c[1]]
  const denom = rx * sy - ry * sx
  if (denom === 0) return null
  const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / denom
  const u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / denom
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? { t, u } : null
}

/** The point `at` km along a road (clamped to it), and the bearing of the road there when walked forwards. */
export function pointAt(road: RoadLine, at: number): { point: Pt; bearing: number } {
  const x = Math.min(road.lengthKm, Math.max(0, at))
  let i = 0
  while (i + 2 < road.points.length && road.cumKm[i + 1]! < x) i++
  const [a, b] = [road.points[i]!, road.points[i + 1]!]
  const f = (x - road.cumKm[i]!) / (road.cumKm[i + 1]! - road.cumKm[i]! || 1)
  return { point: [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])], bearing: bearingDeg(a, b) }
}

/** The point of a road nearest to `p`: how far from it and how far along the road, in km. */
export function nearestOn(road: RoadLine, p: Pt): { d: number; at: number } {
  let best = { d: Infinity, at: 0 }
  const [dx, dy] = degPerKm(p[1])
  for (let i = 0; i + 1 < road.points.length; i++) {
    const [a, b] = [road.points[i]!, road.points[i + 1]!]
    const [vx, vy, wx, wy] = [(b[0] - a[0]) / dx, (b[1] - a[1]) / dy, (p[0] - a[0]) / dx, (p[1] - a[1]) / dy]
    const f = Math.min(1, Math.max(0, (vx * wx + vy * wy) / (vx * vx + vy * vy || 1)))
    const d = Math.hypot(wx - f * vx, wy - f * vy)
    if (d < best.d) best = { d, at: road.cumKm[i]! + f * (road.cumKm[i + 1]! - road.cumKm[i]!) }
  }
  return best
}
