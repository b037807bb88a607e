import { useEffect, useState } from 'react'
import { CaseReports, labels } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import { dateTime } from '../ui/format'
import { errorText } from '../ui/errorText'

const ANSWER_STATE = { pending: '待回告', delivered: '已回告', failed: '回告失败' } as const
const ANSWER_EVENT = { answered: '答复', closed: '结案' } as const

/** The ways a case was reported (`GET /api/v1/cases/:id/reports`): each channel with its ticket, when, where as said, and its answers. */
export function CaseReportsList({ id, again }: { id: number; again: number }) {
  const [reports, setReports] = useState<CaseReports | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let stopped = false
    fetchJson(`/api/v1/cases/${id}/reports`, CaseReports).then(
      (r) => !stopped && (setReports(r), setError(null)),
      (e: unknown) => !stopped && setError(errorText(e)),
    )
    return () => void (stopped = true)
  }, [id, again])
  if (error) return <p className="notice error" role="alert">来源读取失败：{error}</p>
  if (!reports || reports.caseId !== id) return null
  return (
    <section className="case-reports" aria-labelledby="reports-title" data-testid="case-reports-list" data-count={reports.reports.length}>
      <h3 id="reports-title">受理来源 <span>{reports.reports.length} 条{reports.reports.length > 1 ? '（已并案）' : ''}</span></h3>
      <ol>
        {reports.reports.map((r) => (
          <li key={r.id} data-report-id={r.id}>
            <b>{labels.caseSource[r.channel]}</b>
            {r.ticket && <span className="ticket">{r.ticket}</span>}
            <time>{dateTime(r.reportedAt)}</time>
            {r.address && <span className="address">{r.address}</span>}
            {r.answers.map((a, i) => (
              <span key={i} className={`answer ${a.state}`}>{ANSWER_EVENT[a.event]}{ANSWER_STATE[a.state]}{a.attempts > 1 ? `（${a.attempts} 次）` : ''}</span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  )
}
