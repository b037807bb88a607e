import { AreaCode, BeijingDate } from '../../../contract'

/** The periods a report is printed for. */
export type ReportPeriod = 'month' | 'quarter'

/** What `/report?period=month|quarter&at=2026-11-15&area=231281001000` asks for; `at` null: today, `area` null: the reader's own. */
export type ReportQuery = { period: ReportPeriod; at: string | null; area: string | null }

/** The report a page's address asks for; what does not parse is left out, so the server's defaults apply. */
export function reportQuery(search: string): ReportQuery {
  const params = new URLSearchParams(search)
  const at = BeijingDate.safeParse(params.get('at'))
  const area = AreaCode.safeParse(params.get('area'))
  return {
    period: params.get('period') === 'quarter' ? 'quarter' : 'month',
    at: at.success ? at.data : null,
    area: area.success ? area.data : null,
  }
}

/** The query string of a report, as its address and the API take it. */
export function reportSearch(q: ReportQuery): string {
  const params = new URLSearchParams({ period: q.period })
  if (q.at) params.set('at', q.at)
  if (q.area) params.set('area', q.area)
  return `?${params}`
}
