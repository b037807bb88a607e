import * as turf from '@turf/turf'
import type { Area, Pt } from './geo'

/** Side of the cells grids are bucketed in, degrees: a town grid spans one or two, a rural one a few dozen. */
const CELL_DEG = 0.01

/**
 * The code of the grid covering a point, by the rule of grid_at.sql: a point on an edge counts as
 * inside, and a point on an edge two grids share goes to the lower code. For placing thousands of
 * generated points at once, where a store lookup a point would be the slowest step of the seed; the
 * city test checks both agree on the seeded city.
 */
export function gridLocator(grids: readonly { code: string; area: Area }[]): (p: Pt) => string | null {
  const cells = new Map<string, { code: string; area: Area }[]>()
  const cell = (lon: number, lat: number) => [Math.floor(lon / CELL_DEG), Math.floor(lat / CELL_DEG)] as const
  for (const g of grids) {
    const [w, s, e, n] = turf.bbox(g.area)
    const [i0, j0] = cell(w, s)
    const [i1, j1] = cell(e, n)
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) cells.set(`${i}:${j}`, [...(cells.get(`${i}:${j}`) ?? []), g])
  }
  return (p) => {
    let found: string | null = null
    for (const g of cells.get(cell(p[0], p[1]).join(':')) ?? []) {
      if ((found === null || g.code < found) && turf.booleanPointInPolygon(p, g.area)) found = g.code
    }
    return found
  }
}
