import type { Bbox } from '../contract'

/** A tile's bounds in lon/lat (web mercator XYZ: y from the north). */
export function tileBbox(z: number, x: number, y: number): Bbox {
  const n = 2 ** z
  const lat = (row: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / n))) * 180) / Math.PI
  return [(x / n) * 360 - 180, lat(y + 1), ((x + 1) / n) * 360 - 180, lat(y)]
}

/** Whether two lon/lat boxes share any point (touching counts: a feature on the edge may be in both tiles' buffers). */
export function bboxesMeet(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/** The tile at zoom `z` holding the point (web mercator XYZ). */
export function tileAt([lon, lat]: readonly [number, number], z: number): { z: number; x: number; y: number } {
  const n = 2 ** z
  const rad = (lat * Math.PI) / 180
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) }
}
