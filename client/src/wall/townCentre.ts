import type { RegionCollection } from '../../../contract'

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number]

/** The box round the town's streets (街道, the city seat's urban wards): where most cases are. Null for a city without streets. */
export function townCentreBbox(regions: RegionCollection): Bbox | null {
  const streets = regions.features.filter((f) => f.properties.kind === 'street')
  if (streets.length === 0) return null
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number]
      box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y)
    } else if (Array.isArray(c)) c.forEach(visit)
  }
  for (const f of streets) visit((f.geometry as { coordinates: unknown }).coordinates)
  return box
}

/** MapLibre's tiles are 512 px: the world is 512·2^zoom px across. */
const TILE = 512
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))
const latOf = (y: number) => (Math.atan(Math.exp(y)) * 360) / Math.PI - 90

/**
 * The centre and zoom that fit `box` into a view `width`×`height` px, `fill` of it (a margin round it). Pure,
 * so the inset can be made with its view rather than fitted after a first frame.
 */
export function fitView(box: Bbox, width: number, height: number, fill = 0.92): { center: [number, number]; zoom: number } {
  const [w, s, e, n] = box
  const dx = Math.max(e - w, 1e-6) / 360
  const dy = Math.max(mercatorY(n) - mercatorY(s), 1e-6) / (2 * Math.PI)
  const zoom = Math.log2(Math.min((width * fill) / (TILE * dx), (height * fill) / (TILE * dy)))
  return { center: [(w + e) / 2, latOf((mercatorY(n) + mercatorY(s)) / 2)], zoom }
}
