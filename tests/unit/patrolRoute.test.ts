import * as turf from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { offsetKm, type Pt } from '../../data/city/geo'
import { gridLocator } from '../../data/city/gridLocator'
import { patrolRoute, SPEED_MPS } from '../../data/city/patrolRoute'
import { roadNetwork } from '../../data/city/roadNetwork'
import { createRng } from '../../data/city/rng'

const CENTER: Pt = [125.32, 46.4]
const at = (eastKm: number, northKm: number) => offsetKm(CENTER, eastKm, northKm)
// A town of 9 × 9 streets 0.5 km apart.
const steps = Array.from({ length: 9 }, (_, i) => (i - 4) * 0.5)
const streets = [...steps.map((n) => [at(-2, n), at(2, n)]), ...steps.map((e) => [at(e, -2), at(e, 2)])]

describe('the road network', () => {
  it('finds where two roads cross, in km along each', () => {
    const [a, b] = roadNetwork([[at(-1, 0), at(1, 0)], [at(0.5, -1), at(0.5, 0), at(0.5, 1)]])
    expect(a!.crossings).toHaveLength(1)
    expect(a!.crossings[0]!.at).toBeCloseTo(1.5, 2)
    // The crossing falls on the vertex the second road's two segments share: found once.
    expect(b!.crossings).toHaveLength(1)
    expect(b!.crossings[0]!.at).toBeCloseTo(1, 2)
  })
})

describe('a patrol route', () => {
  const network = roadNetwork(streets)
  const walk = (seed: string, kind: keyof typeof SPEED_MPS, minutes: number) => {
    const route = patrolRoute(createRng(seed), at(0.1, 0.1), network, kind)
    return Array.from({ length: minutes + 1 }, (_, k) => route.advance(k === 0 ? 0 : 60))
  }

  it('keeps to the roads at its speed and turns at crossings', () => {
    const fixes = walk('a', 'police', 360)
    const onRoad = (p: Pt) => Math.min(...streets.map((s) => turf.pointToLineDistance(p, turf.lineString(s), { units: 'meters' })))
    for (const f of fixes) expect(onRoad(f.location)).toBeLessThan(1)
    for (let k = 1; k < fixes.length; k++) {
      expect(turf.distance(fixes[k - 1]!.location, fixes[k]!.location, { units: 'meters' })).toBeLessThanOrEqual(SPEED_MPS.police * 60 + 1)
    }
    const headings = new Set(fixes.map((f) => Math.round(f.heading / 10) % 36))
    expect(headings.size).toBeGreaterThanOrEqual(4)
  })

  it('turns for home at the next crossing once past its beat', () => {
    // A grid worker walks 26 km in six hours, yet keeps within its 0.8 km beat and a block past it.
    const far = Math.max(...walk('a', 'grid_worker', 360).map((f) => turf.distance(f.location, at(0.1, 0.1))))
    expect(far).toBeGreaterThan(0.6)
    expect(far).toBeLessThan(0.8 + 0.5)
  })

  it('is the same walk for the same seed, and another for another', () => {
    expect(walk('a', 'volunteer', 60)).toEqual(walk('a', 'volunteer', 60))
    expect(walk('b', 'volunteer', 60)).not.toEqual(walk('a', 'volunteer', 60))
  })
})

describe('the grid at a point, for generated points', () => {
  const square = (code: string, w: number, s: number): { code: string; area: ReturnType<typeof turf.polygon> } => ({
    code, area: turf.polygon([[at(w, s), at(w + 1, s), at(w + 1, s + 1), at(w, s + 1), at(w, s)]]),
  })
  const locate = gridLocator([square('231281001001002', 0, 0), square('231281001001001', -1, 0)])

  it('gives a point on the edge two grids share to the lower code, and none outside', () => {
    expect(locate(at(0.5, 0.5))).toBe('231281001001002')
    expect(locate(at(0, 0.5))).toBe('231281001001001')
    expect(locate(at(5, 5))).toBeNull()
  })
})
