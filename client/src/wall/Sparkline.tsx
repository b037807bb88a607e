/**
 * A small trend line, oldest to newest, its last value marked. `values` may hold nulls (a day with
 * nothing to divide by): the line skips them. Scales to its box; no axes, no numbers: the figure
 * beside it says the value, the line only says which way it goes.
 */
export function Sparkline({ values, label, max }: { values: readonly (number | null)[]; label: string; max?: number }) {
  const known = values.flatMap((v, i) => (v === null ? [] : [[i, v] as const]))
  if (known.length < 2) return null
  const top = max ?? Math.max(...known.map(([, v]) => v), 1)
  const bottom = max === undefined ? 0 : Math.min(...known.map(([, v]) => v))
  const x = (i: number) => (i / (values.length - 1)) * 100
  const y = (v: number) => 28 - ((v - bottom) / Math.max(top - bottom, 1e-9)) * 24
  const points = known.map(([i, v]) => `${x(i).toFixed(2)},${y(v).toFixed(2)}`).join(' ')
  const [li, lv] = known.at(-1)!
  return (
    <svg className="sparkline" viewBox="0 0 100 30" preserveAspectRatio="none" role="img" aria-label={label}>
      <polyline points={points} vectorEffect="non-scaling-stroke" />
      <circle cx={x(li)} cy={y(lv)} r="1.6" />
    </svg>
  )
}
