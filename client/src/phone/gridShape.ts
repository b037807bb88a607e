/** A grid's outline as the area profile gives it: GeoJSON MultiPolygon coordinates, [lon, lat]. */
export type Outline = [number, number][][][]
type Point = readonly [number, number]

/** Whether `p` lies inside the outline (even-odd over every ring, so holes are out). Advisory: the server decides where a report belongs. */
export function inOutline([x, y]: Point, outline: Outline): boolean {
  let inside = false
  for (const polygon of outline) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!
        const [xj, yj] = ring[j]!
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
      }
    }
  }
  return inside
}

/**
 * A point surely inside the outline, for a report made without a position fix: across the middle of the
 * outline's height, the middle of the widest stretch that lies inside (a grid's centre may lie outside it).
 */
export function pointInside(outline: Outline): [number, number] {
  const ys = outline.flat(2).map(([, y]) => y)
  const y = (Math.min(...ys) + Math.max(...ys)) / 2
  const xs: number[] = []
  for (const ring of outline.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!
      const [xj, yj] = ring[j]!
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi)
    }
  }
  xs.sort((a, b) => a - b)
  let best: [number, number] = [xs[0] ?? 0, y]
  let widest = -1
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (xs[k + 1]! - xs[k]! > widest) {
      widest = xs[k + 1]! - xs[k]!
      best = [(xs[k]! + xs[k + 1]!) / 2, y]
    }
  }
  return best
}
