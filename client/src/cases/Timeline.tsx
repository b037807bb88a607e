import { type HistoryEntry, labels } from '../../../contract'
import { dateTime } from '../ui/format'

/** What a step recorded besides its note: a send-back's reason, an answer's channel, a route's departments, a verdict. */
export function particulars(h: HistoryEntry): string[] {
  const out: string[] = []
  if (h.step === 'route' && h.department) out.push(`牵头 ${h.department}${h.assisting?.length ? `，配合 ${h.assisting.join('、')}` : ''}`)
  else if (h.department) out.push(h.department)
  if (h.assignee) out.push(`指派 ${h.assignee}`)
  if (h.toGrid) out.push(`派往网格 ${h.toGrid}`)
  if (h.reason) out.push(`原因：${labels.sendBackReason[h.reason]}`)
  if (h.channel) out.push(`答复方式：${labels.answerChannel[h.channel]}`)
  if (h.accepted !== null) out.push(h.accepted ? '审核通过' : '审核不通过')
  if (h.satisfaction) out.push(`满意度：${labels.satisfaction[h.satisfaction]}`)
  return out
}

/** A case's steps as a timeline, oldest first; a step taken after the clock it answered to is marked late (超时). */
export function Timeline({ history }: { history: readonly HistoryEntry[] }) {
  return (
    <ol className="timeline" aria-label="处置过程" data-testid="timeline">
      {history.map((h, i) => {
        const late = h.dueAt !== null && Date.parse(h.at) > Date.parse(h.dueAt)
        return (
          <li key={i} data-step={h.step}>
            <time>{dateTime(h.at)}</time> <b>{h.step === 'sign_for' && h.actorRole === 'department' ? '报到' : labels.caseStep[h.step]}</b> {labels.actorRole[h.actorRole]} · {labels.caseLevel[h.level]}
            {particulars(h).map((p) => <span key={p} className="particular"> · {p}</span>)}
            {late && <span className="late"> 超时</span>}
            {h.note && <span className="note">{h.note}</span>}
          </li>
        )
      })}
    </ol>
  )
}
