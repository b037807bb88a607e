import { labels, type Mediation } from '../../../contract'
import { count, dateTime } from '../ui/format'

/** A dispute's mediations, oldest first: the body, kind and mode, when referred, sessions held, what came of it and a court's confirmation. */
export function CaseMediationTable({ mediations }: { mediations: readonly Mediation[] }) {
  return (
    <table className="figures split" data-testid="case-mediations">
      <thead>
        <tr>
          <th scope="col">调解组织</th><th scope="col">类型</th><th scope="col">方式</th><th scope="col">移交时间</th><th scope="col">调解次数</th>
          <th scope="col">结果</th><th scope="col">结束时间</th><th scope="col">涉及金额(元)</th><th scope="col">司法确认</th>
        </tr>
      </thead>
      <tbody>
        {mediations.map((m) => (
          <tr key={m.id}>
            <th scope="row">{m.bodyName}</th>
            <td className="text">{labels.mediationKind[m.kind]}</td>
            <td className="text">{labels.mediationMode[m.mode]}</td>
            <td>{dateTime(m.referredAt)}</td>
            <td>{m.sessions}</td>
            <td className="text">{m.outcome ? labels.mediationOutcome[m.outcome] : '调解中'}</td>
            <td>{m.endedAt ? dateTime(m.endedAt) : '—'}</td>
            <td>{m.amountYuan === null ? '—' : count(m.amountYuan)}</td>
            <td>{m.confirmedAt ? dateTime(m.confirmedAt) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
