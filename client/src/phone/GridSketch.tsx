import type { Outline } from './gridShape'

const METRES_PER_DEGREE = 111_320

/**
 * The worker's grid drawn small, with where the report will be placed (and the fix's accuracy around it): no map
 * tiles, nothing to fetch, so it draws with no signal. Longitudes are shortened by cos(latitude), so the grid
 * keeps its shape.
 */
export function GridSketch({ outline, bbox, at, accuracy }: {
  outline: Outline; bbox: readonly [number, number, number, number]; at: readonly [number, number] | null; accuracy: number | null
}) {
  const [w, s, e, n] = bbox
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180)
  const x = (lon: number) => (lon - w) * k
  const y = (lat: number) => n - lat
  const width = (e - w) * k
  const height = n - s
  const pad = Math.max(width, height) * 0.08
  const d = outline.flat().map((ring) => `M${ring.map(([lon, lat]) => `${x(lon).toFixed(7)},${y(lat).toFixed(7)}`).join('L')}Z`).join('')
  const unit = Math.max(width, height) / 100
  return (
    <svg className="grid-sketch" viewBox={`${-pad} ${-pad} ${width + 2 * pad} ${height + 2 * pad}`} role="img" aria-label="本网格范围与上报位置" data-testid="grid-sketch">
      <path d={d} className="grid-outline" fillRule="evenodd" vectorEffect="non-scaling-stroke" />
      {at && accuracy !== null && <circle cx={x(at[0])} cy={y(at[1])} r={accuracy / METRES_PER_DEGREE} className="accuracy" />}
      {at && <circle cx={x(at[0])} cy={y(at[1])} r={unit * 3.2} className="spot" vectorEffect="non-scaling-stroke" />}
    </svg>
  )
}
