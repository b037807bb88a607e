import * as turf from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { carryVertex, vertexEdit } from '../../client/src/editor/sharedVertex'
import type { DraftFeature } from '../../contract'

type Ring = [number, number][]
const C = '231281001002'
const square = (n: string, ring: Ring): DraftFeature => ({
  type: 'Feature', id: `${C}${n}`, geometry: { type: 'Polygon', coordinates: [ring] },
  properties: { code: `${C}${n}`, name: `网格${n}`, kind: 'urban', households: 250, leaders: 1, fulltimeWorkers: 1, parttimeWorkers: 0, sourceCode: null },
})
// A 0.02° square tiled by four grids round its centre (125.31, 46.41), each ring counter-clockwise from its south-west
// corner: 001 south-west, 002 south-east, 003 north-west, and the north-east quarter cut in two (004 below 46.415, 005
// above). The centre is a vertex of 001–004; (125.31, 46.415) is a vertex of 004 and 005 and lies on 003's east edge (a T).
const GRIDS = [
  square('001', [[125.30, 46.40], [125.31, 46.40], [125.31, 46.41], [125.30, 46.41], [125.30, 46.40]]),
  square('002', [[125.31, 46.40], [125.32, 46.40], [125.32, 46.41], [125.31, 46.41], [125.31, 46.40]]),
  square('003', [[125.30, 46.41], [125.31, 46.41], [125.31, 46.42], [125.30, 46.42], [125.30, 46.41]]),
  square('004', [[125.31, 46.41], [125.32, 46.41], [125.32, 46.415], [125.31, 46.415], [125.31, 46.41]]),
  square('005', [[125.31, 46.415], [125.32, 46.415], [125.32, 46.42], [125.31, 46.42], [125.31, 46.415]]),
]
const ring = (f: DraftFeature) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0]![0]) as Ring
const code = (n: string) => `${C}${n}`
const byCode = (grids: DraftFeature[], n: string) => grids.find((f) => f.properties.code === code(n))!

/** Whether the grids still tile the 0.02° square: their areas add up to the union's, and the union is the square. */
function tiles(grids: DraftFeature[]): boolean {
  const area = (g: GeoJSON.Feature) => turf.area(g)
  const sum = grids.reduce((s, g) => s + area(g as GeoJSON.Feature), 0)
  const union = turf.union(turf.featureCollection(grids as GeoJSON.Feature<GeoJSON.Polygon>[]))!
  const whole = area(turf.bboxPolygon([125.30, 46.40, 125.32, 46.42]))
  return Math.abs(sum - area(union)) < 1 && Math.abs(area(union) - whole) < 1
}

/** Grid `n` dragged, `after` its ring as terra-draw hands it back. */
const drag = (n: string, after: Ring) => carryVertex(GRIDS, code(n), ring(byCode(GRIDS, n)), after)

describe('a vertex the neighbours share', () => {
  it('moves in every grid that has it: the centre where four grids meet, and the T on 003’s edge', () => {
    const to: [number, number] = [125.312, 46.412]
    const { grids, touched } = drag('001', ring(byCode(GRIDS, '001')).map((p) => (p[0] === 125.31 && p[1] === 46.41 ? to : p)))
    expect(touched.sort()).toEqual([code('002'), code('003'), code('004')])
    for (const n of ['001', '002', '003', '004']) expect(ring(byCode(grids, n))).toContainEqual(to)
    expect(tiles(grids)).toBe(true)
    // Moved in 001 alone, as before: the tiling is broken, which is what the carry is for.
    const alone = GRIDS.map((f) => (f.properties.code === code('001') ? byCode(grids, '001') : f))
    expect(tiles(alone)).toBe(false)
  })

  it('takes a vertex on a neighbour’s edge (a T) with it, the neighbour’s edge bending there', () => {
    const to: [number, number] = [125.308, 46.415]
    const { grids, touched } = drag('004', ring(byCode(GRIDS, '004')).map((p) => (p[0] === 125.31 && p[1] === 46.415 ? to : p)))
    expect(touched.sort()).toEqual([code('003'), code('005')])
    expect(ring(byCode(grids, '003'))).toContainEqual(to)
    expect(tiles(grids)).toBe(true)
  })

  it('adds a vertex dragged out of a shared edge’s middle to the neighbour’s edge, and deletes one from both', () => {
    const r = ring(byCode(GRIDS, '001'))
    // 001's east edge (125.31, 46.40)–(125.31, 46.41) is 002's west edge: its midpoint handle dragged east.
    const bent: Ring = [r[0]!, r[1]!, [125.313, 46.405], ...r.slice(2)]
    expect(vertexEdit(r, bent)).toEqual({ kind: 'added', between: [r[1], r[2]], to: [125.313, 46.405] })
    const added = drag('001', bent)
    expect(added.touched).toEqual([code('002')])
    expect(tiles(added.grids)).toBe(true)

    const { grids: straight, touched } = carryVertex(added.grids, code('001'), bent, r)
    expect(touched).toEqual([code('002')])
    expect(ring(byCode(straight, '002'))).toEqual(ring(byCode(GRIDS, '002')))
  })

  it('leaves the neighbours alone when the drag moved a vertex nobody shares, or the ring changed past one vertex', () => {
    const corner = drag('001', ring(byCode(GRIDS, '001')).map((p) => (p[0] === 125.30 && p[1] === 46.40 ? [125.299, 46.399] as [number, number] : p)))
    expect(corner.touched).toEqual([])
    expect(vertexEdit(ring(byCode(GRIDS, '001')), ring(byCode(GRIDS, '001')).map(([x, y]) => [x + 0.001, y] as [number, number]))).toBeNull()
  })
})
