type Point = { x: number; y: number }

/**
 * The case whose point lies nearest `at` on screen and within `radius` pixels of it, null when none does:
 * what a click on the map opens. `project` puts a case's `[lon, lat]` on screen (the map's projection).
 */
export function caseNear<C extends { location: [number, number] }>(cases: Iterable<C>, at: Point, project: (lonLat: [number, number]) => Point, radius: number): C | null {
  let best: C | null = null
  let bestDistance = radius * radius
  for (const c of cases) {
    const p = project(c.location)
    const d = (p.x - at.x) ** 2 + (p.y - at.y) ** 2
    if (d <= bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best
}
