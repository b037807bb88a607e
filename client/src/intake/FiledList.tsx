import { type CaseSummary, type IntakeResult, labels } from '../../../contract'
import { kindLabel } from '../cases/kindLabel'
import { clockTime } from '../ui/format'

/**
 * What this seat filed since the screen opened, the latest first and large: its case code (what the caller is
 * told), whether it joined an existing case, the channel's ticket. A click opens the case beside.
 */
export function FiledList({ filed, onOpen }: { filed: readonly IntakeResult[]; onOpen: (c: CaseSummary) => void }) {
  const [last, ...earlier] = filed
  if (!last) return <p className="filed-none">本班次尚未受理来电。填写后按 <kbd>Enter</kbd> 立案，系统自动比对疑似重复案件。</p>
  return (
    <section className="filed" aria-label="已受理">
      <p className={`filed-last${last.merged ? ' merged' : ''}`} role="status" data-testid="filed" data-case-id={last.case.id} data-code={last.case.code} data-merged={last.merged}>
        <span className="verb">{last.merged ? '已并案' : '已立案'}</span>
        <button type="button" className="filed-code" onClick={() => onOpen(last.case)} data-testid="filed-code">{last.case.code}</button>
        <span>{kindLabel(last.case)} · {labels.caseSource[last.report.channel]}{last.report.ticket ? ` ${last.report.ticket}` : ''}</span>
        <span className="dim">{last.merged ? '本次来电已并入该案' : `待${labels.caseLevel[last.case.level]}签收`} · {clockTime(Date.parse(last.report.reportedAt))}</span>
      </p>
      {earlier.length > 0 && (
        <ol className="filed-earlier" aria-label="本班次早先受理">
          {earlier.map((r) => (
            <li key={r.report.id}>
              <time>{clockTime(Date.parse(r.report.reportedAt))}</time>
              <button type="button" onClick={() => onOpen(r.case)}>{r.case.code}</button>
              <span>{kindLabel(r.case)}{r.merged ? ' · 并案' : ''}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
