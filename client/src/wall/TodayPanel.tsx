import { CaseSource, type Figures, labels } from '../../../contract'
import { COLOR, cssColor } from '../map/style/colors'
import { count } from '../ui/format'

/** As many kinds as the column lists beside the channels (the rest are few). */
const KINDS = 6

const kindName = (category: string, kind: string) => (category === 'dispute' ? labels.disputeKind : labels.hazardKind)[kind as never] ?? kind

/**
 * Today's reports received (受理) by the channel they came by and by kind, as `GET /api/v1/figures?period=day`
 * counts them (one definition: the figures'), with a bar for each against the largest; "—" until read.
 */
export function TodayPanel({ day }: { day: Figures | null }) {
  const channels = CaseSource.options.map((c) => ({ key: c, name: labels.caseSource[c], n: day?.byChannel.find((r) => r.channel === c)?.measures.received ?? 0 }))
  const kinds = (day?.byKind ?? [])
    .map((r) => ({ key: `${r.category}-${r.kind}`, name: kindName(r.category, r.kind), n: r.measures.received, colour: cssColor(COLOR[r.category]) }))
    .filter((k) => k.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, KINDS)
  return (
    <section className="wall-today" data-testid="wall-today">
      <h2>今日受理 <b data-testid="today-received">{day ? count(day.totals.current.received) : '—'}</b> 件</h2>
      <div className="splits">
        <Bars testId="today-channel" rows={day ? channels : []} title="按渠道" />
        <Bars testId="today-kind" rows={kinds} title="按类别" empty={day ? '今日暂无' : '—'} />
      </div>
    </section>
  )
}

function Bars({ testId, rows, title, empty = '—' }: { testId: string; rows: { key: string; name: string; n: number; colour?: string }[]; title: string; empty?: string }) {
  const top = Math.max(1, ...rows.map((r) => r.n))
  return (
    <table className="bars" data-testid={testId}>
      <caption>{title}</caption>
      <tbody>
        {rows.length === 0 && <tr><td className="none">{empty}</td></tr>}
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th>{r.colour && <i className="dot" style={{ background: r.colour }} />}{r.name}</th>
            <td className="n">{count(r.n)}</td>
            <td className="bar"><i style={{ width: `${(r.n / top) * 100}%` }} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
