import { type KeyboardEvent, useMemo, useRef, useState } from 'react'
import { type CaseState, type CaseSummary, labels } from '../../../contract'
import { kindLabel } from './kindLabel'
import { reports, signState } from './signState'
import { timeLeft } from './timeLeft'

type Filters = { kind: string; state: CaseState | ''; sign: '' | 'unsigned' | 'signed'; overdueOnly: boolean; closed: boolean }

const NEXT_KEYS = new Set(['ArrowDown', 'j'])
const PREVIOUS_KEYS = new Set(['ArrowUp', 'k'])

/**
 * Cases in the order the server gives them (the most pressing first), filtered by kind, state, signed for or
 * not, and overdue; each row says plainly whether the case waits to be signed for (待签收; a department's
 * 待报到) and, when routed, which departments have reported. ↑/↓ (or j/k) move through the list, Enter opens
 * a case. `department`: the desk's own, whose 报到 is its sign-for; `closedDays`: closed cases of that many
 * days behind a toggle (the drill-down's list); `arrived`: cases that came in since the screen opened, marked 新.
 */
export function CaseList({ title, cases, now, selected, onSelect, department = null, closedDays, arrived }: {
  title: string; cases: readonly CaseSummary[]; now: number; selected: number | null; onSelect: (id: number) => void
  department?: string | null; closedDays?: number; arrived?: ReadonlySet<number>
}) {
  const [f, setF] = useState<Filters>({ kind: '', state: '', sign: '', overdueOnly: false, closed: false })
  const list = useRef<HTMLOListElement>(null)
  const kinds = useMemo(() => [...new Set(cases.map((c) => c.kind))], [cases])
  const shown = cases.filter((c) => {
    const sign = signState(c, department)
    return (f.closed || c.state !== 'closed') && (!f.kind || c.kind === f.kind) && (!f.state || c.state === f.state)
      && (!f.sign || (sign !== null && sign.signed === (f.sign === 'signed'))) && (!f.overdueOnly || timeLeft(c, now).overdue)
  })
  const open = cases.filter((c) => c.state !== 'closed').length
  const unsigned = cases.filter((c) => signState(c, department)?.signed === false).length

  const move = (e: KeyboardEvent<HTMLOListElement>) => {
    const step = NEXT_KEYS.has(e.key) ? 1 : PREVIOUS_KEYS.has(e.key) ? -1 : 0
    if (step === 0 || e.altKey || e.ctrlKey || e.metaKey) return
    e.preventDefault()
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button.case-row') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    buttons[Math.min(buttons.length - 1, Math.max(0, at + step))]?.focus()
  }

  return (
    <section className="case-list" aria-labelledby="cases-title">
      <h2 id="cases-title">
        {title} <span>在办 <b data-testid="open-count">{open}</b></span>
        <span className={unsigned ? 'unsigned-count' : ''}>{department ? '待报到' : '待签收'} <b data-testid="unsigned-count">{unsigned}</b></span>
      </h2>
      <div className="filters">
        <select aria-label="类别" value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })}>
          <option value="">全部类别</option>
          {kinds.map((k) => <option key={k} value={k}>{kindLabel(cases.find((c) => c.kind === k)!)}</option>)}
        </select>
        <select aria-label="状态" value={f.state} onChange={(e) => setF({ ...f, state: e.target.value as CaseState | '' })}>
          <option value="">全部状态</option>
          {(Object.keys(labels.caseState) as CaseState[]).map((s) => <option key={s} value={s}>{labels.caseState[s]}</option>)}
        </select>
        <select aria-label="签收" value={f.sign} onChange={(e) => setF({ ...f, sign: e.target.value as Filters['sign'] })}>
          <option value="">签收与否</option>
          <option value="unsigned">{department ? '待报到' : '待签收'}</option>
          <option value="signed">{department ? '已报到' : '已签收'}</option>
        </select>
        <label><input type="checkbox" checked={f.overdueOnly} onChange={(e) => setF({ ...f, overdueOnly: e.target.checked })} /> 仅超期</label>
        {closedDays !== undefined && (
          <label><input type="checkbox" checked={f.closed} onChange={(e) => setF({ ...f, closed: e.target.checked })} data-testid="show-closed" /> 近{closedDays}天已结案</label>
        )}
      </div>
      <ol ref={list} onKeyDown={move} data-testid="cases" aria-label={title}>
        {shown.map((c) => {
          const left = timeLeft(c, now)
          const sign = signState(c, department)
          const isNew = arrived?.has(c.id) ?? false
          return (
            <li key={c.id}>
              <button
                type="button" className={`case-row${c.id === selected ? ' selected' : ''}${left.overdue ? ' overdue' : ''}${isNew ? ' arrived' : ''}`}
                data-case-id={c.id} data-state={c.state} data-signed={sign ? sign.signed : undefined} aria-current={c.id === selected} onClick={() => onSelect(c.id)}
              >
                <span className="row-main">
                  <span className={`dot ${left.overdue ? 'overdue' : c.category}`} />
                  <b className="kind">{kindLabel(c)}</b>
                  {isNew && <span className="new-mark">新</span>}
                  <span className="state">{labels.caseState[c.state]}</span>
                  {sign && <span className={`sign ${sign.signed ? 'signed' : 'unsigned'}`}>{sign.text}</span>}
                  <span className="left">{left.text}</span>
                </span>
                <span className="row-sub">
                  <span className="code">{c.code}</span>
                  <span>{labels.caseSource[c.source]}</span>
                  <span>{labels.caseLevel[c.level]}</span>
                  {reports(c, now).map((r) => (
                    <span key={r.name} className={`report ${r.signed ? 'signed' : r.late ? 'late' : 'unsigned'}`}>
                      {r.lead ? '牵头' : '配合'}{r.name}{r.signed ? '已报到' : '待报到'}
                    </span>
                  ))}
                </span>
              </button>
            </li>
          )
        })}
      </ol>
      {shown.length === 0 && <p className="empty">没有符合条件的案件</p>}
    </section>
  )
}
