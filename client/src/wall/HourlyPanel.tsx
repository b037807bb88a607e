import type { HourlyReports } from '../../../contract'
import { clockTime, count } from '../ui/format'

/**
 * Reports received in each of the last 24 hours, as bars, the hour now running last (so far): how the day
 * went and whether now is busy. Hours on the axis every six, Beijing time.
 */
export function HourlyPanel({ hourly }: { hourly: HourlyReports | null }) {
  const hours = hourly?.hours ?? []
  const peak = Math.max(0, ...hours.map((h) => h.reports))
  const top = Math.max(1, peak)
  const total = hours.reduce((s, h) => s + h.reports, 0)
  return (
    <section className="wall-hourly" data-testid="wall-hourly">
      <h2>近24小时受理 <b data-testid="hourly-total">{hourly ? count(total) : '—'}</b> 件<span className="peak">峰值 {hourly ? count(peak) : '—'} 件/时</span></h2>
      <ol className="hour-bars" aria-label="每小时受理">
        {hours.map((h) => (
          <li key={h.hour} data-reports={h.reports} title={`${clockTime(Date.parse(h.hour)).slice(0, 5)} ${h.reports}`}>
            <i style={{ height: `${(h.reports / top) * 100}%` }} />
          </li>
        ))}
      </ol>
      <ol className="hour-axis" aria-hidden="true">
        {hours.map((h, i) => <li key={h.hour}>{i % 6 === 0 ? clockTime(Date.parse(h.hour)).slice(0, 2) + '时' : ''}</li>)}
      </ol>
    </section>
  )
}
