import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react'
import { type CaseState, type CaseSummary, labels } from '../../../contract'
import { byTimeLeft } from '../../../domain/inbox'
import { isUrgent } from '../../../domain/triage'
import './caseList.css'
import { kindLabel } from './kindLabel'
import { type PlaceNames, placeOf } from './placeNames'
import { reports, signState } from './signState'
import { timeLeft } from './timeLeft'

type Filters = { kind: string; state: CaseState | ''; sign: '' | 'unsigned' | 'signed'; overdueOnly: boolean; closed: boolean }

/** Where a key moves in the list, from the row at `at` of `n`. */
const MOVES: Record<string, (at: number, n: number) => number> = {
  ArrowDown: (at) => at + 1, j: (at) => at + 1, ArrowUp: (at) => at - 1, k: (at) => at - 1, Home: () => 0, End: (_, n) => n - 1,
}

/** Open cases by time left (the most overdue first), then the closed ones, the last closed first. */
const byTimeLeftThenClosed = (a: CaseSummary, b: CaseSummary) =>
  a.state === 'closed' || b.state === 'closed'
    ? Number(a.state === 'closed') - Number(b.state === 'closed') || (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || b.id - a.id
    : byTimeLeft(a, b)

/**
 * Cases by time left (the most overdue first), under column headers, filtered by kind, state, signed for or
 * not, and overdue; each row names where the case is (by `places`), says plainly whether the case waits to be
 * signed for (待签收; a department's 待报到), marks it 紧急 or 上移 and, when routed, which departments have
 * reported. The list is one tab stop (the row last moved to, else the open case, else the first): ↑/↓ (or j/k),
 * Home and End move inside it, Enter opens a case. `department`: the desk's own, whose 报到 is
 * its sign-for; `closedDays`: closed cases of that many days behind a toggle (the drill-down's list);
 * `arrived`: cases that came in since the screen opened, marked 新.
 */
export function CaseList({ title, cases, now, selected, onSelect, places, department = null, closedDays, arrived }: {
  title: string; cases: readonly CaseSummary[]; now: number; selected: number | null; onSelect: (id: number) => void
  places: PlaceNames; department?: string | null; closedDays?: number; arrived?: ReadonlySet<number>
}) {
  const [f, setF] = useState<Filters>({ kind: '', state: '', sign: '', overdueOnly: false, closed: false })
  const list = useRef<HTMLOListElement>(null)
  const [active, setActive] = useState<number | null>(null)
  const kinds = useMemo(() => [...new Set(cases.map((c) => c.kind))], [cases])
  const sorted = useMemo(() => [...cases].sort(byTimeLeftThenClosed), [cases])
  const place = useMemo(() => placeOf(cases, places), [cases, places])
  const shown = sorted.filter((c) => {
    const sign = signState(c, department)
    return (f.closed || c.state !== 'closed') && (!f.kind || c.kind === f.kind) && (!f.state || c.state === f.state)
      && (!f.sign || (sign !== null && sign.signed === (f.sign === 'signed'))) && (!f.overdueOnly || timeLeft(c, now).overdue)
  })
  const open = cases.filter((c) => c.state !== 'closed').length
  // A case opened elsewhere (its point on the map) is brought into the list's view.
  useEffect(() => {
    list.current?.querySelector('.case-row.selected')?.scrollIntoView({ block: 'nearest' })
    if (selected !== null) setActive(selected)
  }, [selected])
  const tabStop = shown.find((c) => c.id === active)?.id ?? shown[0]?.id
  const unsigned = cases.filter((c) => signState(c, department)?.signed === false).length

  const move = (e: KeyboardEvent<HTMLOListElement>) => {
    const to = MOVES[e.key]
    if (!to || e.altKey || e.ctrlKey || e.metaKey) return
    e.preventDefault()
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button.case-row') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    buttons[Math.min(buttons.length - 1, Math.max(0, to(at, buttons.length)))]?.focus()
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
      {/* In the list, so its columns are the rows' (a subgrid sized to the widest cell); it stays on top as the list scrolls. */}
      <ol ref={list} onKeyDown={move} data-testid="cases" role="listbox" aria-label={title}>
        {shown.length > 0 && (
          <li className="case-head" data-testid="case-head" aria-hidden="true">
            <span /><span>类别</span><span>位置</span><span>级别</span><span>状态</span><span>剩余时间</span>
          </li>
        )}
        {shown.map((c) => {
          const left = timeLeft(c, now)
          const sign = signState(c, department)
          const isNew = arrived?.has(c.id) ?? false
          const where = place(c)
          return (
            <li key={c.id} role="none">
              <button
                type="button" role="option" className={`case-row${c.id === selected ? ' selected' : ''}${left.overdue ? ' overdue' : ''}${isNew ? ' arrived' : ''}`}
                data-case-id={c.id} data-version={c.version} data-state={c.state} data-signed={sign ? sign.signed : undefined} aria-selected={c.id === selected}
                tabIndex={c.id === tabStop ? 0 : -1} onFocus={() => setActive(c.id)} onClick={() => onSelect(c.id)}
              >
                <span className="row-main">
                  <span className={`dot ${left.overdue ? 'overdue' : c.category}`} />
                  <span className="kind"><b>{kindLabel(c)}</b>{isNew && <span className="new-mark">新</span>}</span>
                  <span className="place" data-testid="case-place" title={where}>{where}</span>
                  <span className="level">{labels.caseLevel[c.level]}</span>
                  <span className="state">
                    {labels.caseState[c.state]}
                    {sign && <span className={`sign ${sign.signed ? 'signed' : 'unsigned'}`}>{sign.text}</span>}
                  </span>
                  <span className="left">{left.text}</span>
                </span>
                <span className="row-sub">
                  {c.state !== 'closed' && isUrgent(c) && <span className="urgent-mark">紧急</span>}
                  {c.escalations > 0 && <span className="escalated-mark">上移 {c.escalations} 次</span>}
                  <span className="code">{c.code}</span>
                  <span>{labels.caseSource[c.source]}</span>
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
