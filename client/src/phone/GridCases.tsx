import { type CaseSummary, labels } from '../../../contract'
import { kindLabel } from '../cases/kindLabel'
import { signState } from '../cases/signState'
import { timeLeft } from '../cases/timeLeft'
import { dateTime } from '../ui/format'
import type { KeptRead } from './useKeptRead'

/**
 * The worker's grid's open cases, the most pressing first (the server's order), each a card as wide as the
 * phone; with no signal, the list last read, saying when.
 */
export function GridCases({ read, now, open, reload }: {
  read: KeptRead<CaseSummary[]>; now: number; open: (id: number) => void; reload: () => void
}) {
  if (read.kind === 'loading') return <p className="phone-hint" aria-busy="true">正在读取本网格案件…</p>
  if (read.kind === 'failed') {
    return (
      <div className="phone-hint">
        <p className="warn">未能读取本网格案件：{read.error}</p>
        <button type="button" className="secondary" onClick={reload}>重试</button>
      </div>
    )
  }
  const cases = read.value
  const unsigned = cases.filter((c) => signState(c, null)?.signed === false).length
  return (
    <section className="grid-cases" aria-labelledby="grid-cases-title" data-testid="grid-cases" data-stale={read.stale}>
      <div className="list-head">
        <h2 id="grid-cases-title">本网格在办 <b data-testid="open-count">{cases.length}</b>{unsigned > 0 && <span className="unsigned-count"> · 待签收 <b>{unsigned}</b></span>}</h2>
        <button type="button" className="secondary small" onClick={reload}>刷新</button>
      </div>
      {read.stale && <p className="stale-note" data-testid="stale-note">离线 · 显示 {dateTime(read.at)} 读取的列表</p>}
      <ol>
        {cases.map((c) => {
          const left = timeLeft(c, now)
          const sign = signState(c, null)
          return (
            <li key={c.id}>
              <button type="button" className={`case-card ${left.overdue ? 'overdue' : ''}`} onClick={() => open(c.id)} data-testid="grid-case" data-case-id={c.id}>
                <span className="card-main">
                  <span className={`dot ${left.overdue ? 'overdue' : c.category}`} aria-hidden="true" />
                  <b>{kindLabel(c)}</b>
                  {sign && <span className={`sign ${sign.signed ? 'signed' : 'unsigned'}`}>{sign.text}</span>}
                  <span className={`left ${left.overdue ? 'alarm' : ''}`}>{left.text}</span>
                </span>
                <span className="card-sub">
                  <span>{labels.caseState[c.state]}</span>
                  <span>{labels.caseLevel[c.level]}</span>
                  <span>{labels.caseSource[c.source]}</span>
                  <span className="code">{c.code}</span>
                </span>
              </button>
            </li>
          )
        })}
      </ol>
      {cases.length === 0 && <p className="phone-hint">本网格暂无在办案件</p>}
    </section>
  )
}
