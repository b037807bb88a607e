import { describe, expect, it } from 'vitest'
import { bboxesMeet, tileAt, tileBbox } from '../../domain/tileMath'

describe('web-mercator tiles', () => {
  it('put a point in the tile whose bounds hold it, at every zoom', () => {
    for (const point of [[125.34, 46.41], [106.63, 26.65], [-0.1, 51.5], [179.9, -84]] as [number, number][]) {
      for (let z = 0; z <= 18; z++) {
        const t = tileAt(point, z)
        const [w, s, e, n] = tileBbox(t.z, t.x, t.y)
        expect(point[0] >= w && point[0] < e && point[1] > s && point[1] <= n, `${point} at zoom ${z}`).toBe(true)
      }
    }
  })

  it('know the world tile and its quarters', () => {
    expect(tileBbox(0, 0, 0).map((v) => Number(v.toFixed(4)))).toEqual([-180, -85.0511, 180, 85.0511])
    expect(tileBbox(1, 1, 0).map((v) => Number(v.toFixed(4)))).toEqual([0, 0, 180, 85.0511])
  })

  it('say two boxes meet when they share an edge, and not when apart', () => {
    expect(bboxesMeet([0, 0, 1, 1], [1, 0, 2, 1])).toBe(true)
    expect(bboxesMeet([0, 0, 1, 1], [1.01, 0, 2, 1])).toBe(false)
    expect(bboxesMeet([0, 0, 1, 1], [0.2, 0.2, 0.3, 0.3])).toBe(true)
  })
})
