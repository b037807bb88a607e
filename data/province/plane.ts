import { type Pt, spreadPoints } from '../city/geo'
import type { Rng } from '../city/rng'

// A province is laid out on a plane in km around its centre (equirectangular at the centre's latitude:
// distances off by under 3 % at Guizhou's edges, which only shapes where seeds go), then turned into lon/lat.

const KM_PER_DEG = 111.32

export type Frame = { toLonLat(p: Pt): Pt; toKm(p: Pt): Pt }

/** The plane around `center`; lon/lat come out at 1e-6 degrees, as the store keeps them. */
export function frameAt(center: Pt): Frame {
  const kx = KM_PER_DEG * Math.cos((center[1] * Math.PI) / 180)
  const round = (v: number) => Math.round(v * 1e6) / 1e6
  return {
    toLonLat: ([x, y]) => [round(center[0] + x / kx), round(center[1] + y / KM_PER_DEG)],
    toKm: ([lon, lat]) => [(lon - center[0]) * kx, (lat - center[1]) * KM_PER_DEG],
  }
}

export const dist2 = (a: Pt, b: Pt) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2

/** Area of a closed ring (first point not repeated), by the shoelace formula. */
export function ringArea(ring: readonly Pt[]): number {
  let s = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1]
  return Math.abs(s) / 2
}

/** Whether a point lies inside a ring (even-odd rule). */
export function inRing(p: Pt, ring: readonly Pt[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Index of the point of `among` nearest to `p`. */
export function nearest(p: Pt, among: readonly Pt[]): number {
  let best = 0
  let bestD = Infinity
  for (let i = 0; i < among.length; i++) {
    const d = dist2(p, among[i]!)
    if (d < bestD) [best, bestD] = [i, d]
  }
  return best
}

/**
 * `n` points spread evenly on the plane (Mitchell's best candidate, as the city's seats); `candidate` draws one.
 * For the few seats of a level, not for thousands of points.
 */
export const spread = (candidate: () => Pt, n: number, keepAway: readonly Pt[] = [], tries = 12): Pt[] => spreadPoints(candidate, n, keepAway, tries, dist2)

/** `k` distinct indexes of `points` whose points are spread apart, `first` (an index) among them when given. */
export function pickSpread(rng: Rng, points: readonly Pt[], k: number, first?: number): number[] {
  if (k > points.length) throw new Error(`cannot pick ${k} of ${points.length} points`)
  const picked = first === undefined ? [] : [first]
  const taken = new Set(picked)
  const open = () => {
    for (let tries = 0; tries < 50; tries++) {
      const i = rng.int(0, points.length - 1)
      if (!taken.has(i)) return i
    }
    return points.findIndex((_, i) => !taken.has(i))
  }
  while (picked.length < k) {
    let best = open()
    let bestD = -1
    for (let c = 0; c < 16; c++) {
      const i = c === 0 ? best : open()
      let d = Infinity
      for (const j of picked) d = Math.min(d, dist2(points[i]!, points[j]!))
      if (d > bestD) [best, bestD] = [i, d]
    }
    picked.push(best)
    taken.add(best)
  }
  return picked
}

/** Readers expect numbering to run from the north-west: north to south in bands of `bandKm`, then west to east. */
export function readingOrder<T>(items: readonly T[], at: (t: T) => Pt, bandKm: number): T[] {
  return [...items].sort((a, b) => Math.round(at(b)[1] / bandKm) - Math.round(at(a)[1] / bandKm) || at(a)[0] - at(b)[0])
}

/**
 * Points no two of which lie closer than `minKm` (dart throwing, with a hash of cells `minKm` wide), as many as
 * asked: more even than uniform random points, so Voronoi cells come out of similar size without slivers.
 * When darts keep missing the gap shrinks a little, so a crowded area still gets its count.
 */
export class DartBoard {
  private readonly cells = new Map<number, Pt[]>()
  constructor(private minKm: number) {}

  private key(p: Pt): [number, number] {
    return [Math.floor(p[0] / this.minKm), Math.floor(p[1] / this.minKm)]
  }

  /** Whether `p` keeps its distance from every point placed. */
  clear(p: Pt): boolean {
    const [i, j] = this.key(p)
    const d2 = this.minKm ** 2
    for (let di = -1; di <= 1; di++) {
      for (let dj = -1; dj <= 1; dj++) {
        for (const q of this.cells.get((i + di) * 1_000_003 + (j + dj)) ?? []) if (dist2(p, q) < d2) return false
      }
    }
    return true
  }

  private add(p: Pt): void {
    const [i, j] = this.key(p)
    const k = i * 1_000_003 + j
    const cell = this.cells.get(k)
    if (cell) cell.push(p)
    else this.cells.set(k, [p])
  }

  /** Places `p` when it keeps its distance from every point placed. */
  offer(p: Pt): boolean {
    if (!this.clear(p)) return false
    this.add(p)
    return true
  }

  /** `n` points drawn by `candidate` (which returns null for a point outside the area), each kept apart from all placed. */
  scatter(candidate: () => Pt | null, n: number): Pt[] {
    const out: Pt[] = []
    let misses = 0
    while (out.length < n) {
      const p = candidate()
      if (p && this.offer(p)) {
        out.push(p)
        misses = 0
      } else if (++misses > 2000) {
        // Keeps the points already in the hash (they only grow further apart in cell units).
        this.minKm *= 0.9
        this.rehash()
        misses = 0
      }
    }
    return out
  }

  private rehash(): void {
    const all = [...this.cells.values()].flat()
    this.cells.clear()
    for (const p of all) this.add(p)
  }
}
