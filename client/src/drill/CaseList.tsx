import { type KeyboardEvent, useMemo, useRef, useState } from 'react'
import { type CaseState, type CaseSummary, labels } from '../../../contract'
import { CLOSED_DAYS } from './useArea'
import { timeLeft } from './timeLeft'

export const kindLabel = (c: Pick<CaseSummary, 'category' | 'kind'>) =>
  (c.category === 'dispute' ? labels.disputeKind : labels.hazardKind)[c.kind as never] ?? c.kind

type Filters = { kind: string; state: CaseState | ''; overdueOnly: boolean; closed: boolean }

/**
 * The area's cases as the server orders them (open first, overdue first, then oldest), filtered by
 * kind, state and overdue; closed ones of the last 30 days behind a toggle. Arrow keys move through
 * the list, Enter opens a case.
 */
export function CaseList({ cases, now, selected, onSelect }: {
  cases: readonly CaseSummary[]; now: number; selected: number | null; onSelect: (id: number) => void
}) {
  const [f, setF] = useState<Filters>({ kind: '', state: '', overdueOnly: false, closed: false })
  const list = useRef<HTMLOListElement>(null)
  const kinds = useMemo(() => [...new Set(cases.map((c) => c.kind))], [cases])
  const shown = cases.filter((c) =>
    (f.closed || c.state !== 'closed') && (!f.kind || c.kind === f.kind) && (!f.state || c.state === f.state)
    && (!f.overdueOnly || timeLeft(c, now).overdue))
  const open = cases.filter((c) => c.state !== 'closed').length

  const move = (e: KeyboardEvent<HTMLOListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button.case-row') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    buttons[Math.min(buttons.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus()
  }

  return (
    <section className="case-list" aria-labelledby="cases-title">
      <h2 id="cases-title">案件 <span>在办 <b data-testid="open-count">{open}</b></span></h2>
      <div className="filters">
        <select aria-label="类别" value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })}>
          <option value="">全部类别</option>
          {kinds.map((k) => <option key={k} value={k}>{kindLabel(cases.find((c) => c.kind === k)!)}</option>)}
        </select>
        <select aria-label="状态" value={f.state} onChange={(e) => setF({ ...f, state: e.target.value as CaseState | '' })}>
          <option value="">全部状态</option>
          {(Object.keys(labels.caseState) as CaseState[]).map((s) => <option key={s} value={s}>{labels.caseState[s]}</option>)}
        </select>
        <label><input type="checkbox" checked={f.overdueOnly} onChange={(e) => setF({ ...f, overdueOnly: e.target.checked })} /> 仅超期</label>
        <label><input type="checkbox" checked={f.closed} onChange={(e) => setF({ ...f, closed: e.target.checked })} data-testid="show-closed" /> 近{CLOSED_DAYS}天已结案</label>
      </div>
      <ol ref={list} onKeyDown={move} data-testid="cases">
        {shown.map((c) => {
          const left = timeLeft(c, now)
          return (
            <li key={c.id}>
              <button
                type="button" className={`case-row${c.id === selected ? ' selected' : ''}${left.overdue ? ' overdue' : ''}`}
                data-case-id={c.id} data-state={c.state} aria-current={c.id === selected} onClick={() => onSelect(c.id)}
              >
                <span className={`dot ${left.overdue ? 'overdue' : c.category}`} />
                <b>{kindLabel(c)}</b>
                <span>{labels.caseSource[c.source]}</span>
                <span>{labels.caseLevel[c.level]}</span>
                <span>{labels.caseState[c.state]}</span>
                <span className="left">{left.text}</span>
                <span className="code">{c.code}</span>
              </button>
            </li>
          )
        })}
      </ol>
      {shown.length === 0 && <p className="empty">没有符合条件的案件</p>}
    </section>
  )
}
