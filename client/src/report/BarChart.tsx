import { count } from '../ui/format'

export type Series = { name: string; className: string }
export type Bars = { label: string; values: readonly number[] }

const ROW = 22
const LABEL_WIDTH = 118
const WIDTH = 640
const VALUE_ROOM = 52
const TOP = 24

/**
 * Horizontal bars, one row per label and one bar per series in it (now beside last year, say), scaled to
 * the largest value; each bar says its count. Drawn as plain SVG so it prints sharp at any size.
 */
export function BarChart({ title, series, rows, testId }: { title: string; series: readonly Series[]; rows: readonly Bars[]; testId: string }) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values))
  const bar = (ROW - 6) / series.length
  const span = WIDTH - LABEL_WIDTH - VALUE_ROOM
  const height = TOP + rows.length * ROW + 4
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        {series.length > 1 && series.map((s, i) => (
          <g key={s.name} transform={`translate(${LABEL_WIDTH + i * 110}, 6)`}>
            <rect className={s.className} width="12" height="12" />
            <text x="18" y="11">{s.name}</text>
          </g>
        ))}
        <line className="axis" x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={TOP - 2} y2={height - 2} />
        {rows.map((r, i) => {
          const y = TOP + i * ROW
          return (
            <g key={r.label}>
              <text className="label" x={LABEL_WIDTH - 6} y={y + ROW / 2 + 4} textAnchor="end">{r.label}</text>
              {r.values.map((v, j) => {
                const w = (v / max) * span
                return (
                  <g key={j}>
                    <rect className={series[j]!.className} x={LABEL_WIDTH} y={y + 3 + j * bar} width={w} height={bar - 1} />
                    <text className="value" x={LABEL_WIDTH + w + 4} y={y + 3 + j * bar + bar - 2} fontSize={Math.min(11, bar + 1)}>{count(v)}</text>
                  </g>
                )
              })}
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
