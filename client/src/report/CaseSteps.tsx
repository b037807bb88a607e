import { type HistoryEntry, labels } from '../../../contract'
import { particulars } from '../cases/Timeline'
import { dateTime } from '../ui/format'

/** A step's name as the desks say it: a department signing for a case reports to it (报到). */
const stepName = (h: HistoryEntry) => (h.step === 'sign_for' && h.actorRole === 'department' ? '报到' : labels.caseStep[h.step])

/** A case's steps, oldest first, one row each: when, what, by whom at which level, what it recorded; a step after its clock is marked 超时. */
export function CaseSteps({ history }: { history: readonly HistoryEntry[] }) {
  return (
    <table className="figures steps" data-testid="case-steps">
      <thead>
        <tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">环节</th><th scope="col">办理方</th><th scope="col">层级</th><th scope="col">情况说明</th></tr>
      </thead>
      <tbody>
        {history.map((h, i) => {
          const late = h.dueAt !== null && Date.parse(h.at) > Date.parse(h.dueAt)
          const said = [...particulars(h), ...(h.note ? [h.note] : [])]
          return (
            <tr key={i} data-step={h.step}>
              <td>{i + 1}</td>
              <td className="text">{dateTime(h.at)}</td>
              <td className="text step"><b>{stepName(h)}</b>{late && <span className="late">超时</span>}</td>
              <td className="text">{labels.actorRole[h.actorRole]}</td>
              <td className="text">{labels.caseLevel[h.level]}</td>
              <td className="text said">{said.join('；')}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
