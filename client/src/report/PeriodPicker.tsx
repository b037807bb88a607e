import { labels, type Period } from '../../../contract'
import { beijingDate, periodOf, previousOf } from '../../../domain/periods'
import type { ReportPeriod, ReportQuery } from './reportQuery'

/** How far back the picker reaches: three years of months or of quarters. */
const BACK: Record<ReportPeriod, number> = { month: 36, quarter: 12 }

/** The current month or quarter and those before it, newest first, named as the server names them (`2026年11月`). */
function recent(kind: ReportPeriod, today: string): Period[] {
  const out = [periodOf({ period: kind, at: today }, today)]
  while (out.length < BACK[kind]) out.push(previousOf(out.at(-1)!))
  return out
}

/**
 * The report's period, on screen only: a month (月报) or a quarter (季报), up to the current one; lists rather
 * than the browser's month field, whose words follow the machine's language. `shown`: the period of the report
 * on the page, which the lists start from when the address named no day.
 */
export function PeriodPicker({ query, shown, onChange }: { query: ReportQuery; shown: Period | null; onChange: (q: ReportQuery) => void }) {
  const today = beijingDate(new Date())
  const from = shown?.from ?? query.at ?? today
  return (
    <div className="paper-period" role="group" aria-label="报表期间">
      <select value={query.period} aria-label="报表类型" data-testid="pick-kind"
        onChange={(e) => onChange({ ...query, period: e.target.value as ReportPeriod, at: from })}>
        <option value="month">{labels.reportName.month}</option>
        <option value="quarter">{labels.reportName.quarter}</option>
      </select>
      <select value={periodOf({ period: query.period, at: from }, today).from} aria-label="报表期间" data-testid="pick-period"
        onChange={(e) => onChange({ ...query, at: e.target.value })}>
        {recent(query.period, today).map((p) => <option key={p.from} value={p.from}>{p.label}</option>)}
      </select>
    </div>
  )
}
