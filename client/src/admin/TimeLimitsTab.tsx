import { type FormEvent, useEffect, useState } from 'react'
import { type ApiIssue, type Holder, issuesOf, labels, type TimeLimitRow, TimeLimitTable } from '../../../contract'
import { ApiError } from '../api/fetchJson'
import { errorText, issueText, reasonText } from '../ui/errorText'
import { type Notice, NoticeLine } from '../ui/Notice'
import { adminApi } from './adminApi'
import { blank, type Cell, cellKey, changes, type Draft, draftOf, HOLDERS, inKindOrder, type Kind, kindLabel, KINDS, type Pair, rowsOf } from './timeLimitDraft'

/** Each refusal in words, with the name of its cell (marked in the table), or of what else it is about. */
type Refusal = { cell: string | null; text: string }

function refusals(issues: readonly ApiIssue[], cells: ReadonlyMap<string, Cell>): Refusal[] {
  return issues.map(({ field, reason }) => {
    const cell = cells.get(field)
    return cell ? { cell: cell.key, text: `${cell.label}：${reasonText(reason)}` } : { cell: null, text: issueText({ field, reason }, 'TimeLimitTable') }
  })
}

/** `7 天` beside a number of hours from a day up, so 168 reads at a glance. */
function days(typed: string): string {
  const h = Number(typed)
  return typed.trim() && Number.isFinite(h) && h >= 24 ? `${+(h / 24).toFixed(1)} 天` : ''
}

/**
 * The time limits every holder answers to: hours to sign for a case that arrives and to handle it, for
 * every kind, and kinds set apart (fire, gas …) with their own. Checked with the contract's schema before
 * the whole table replaces the stored one (`PUT /api/v1/time-limits`); a refused cell is marked and named.
 */
export function TimeLimitsTab() {
  const [saved, setSaved] = useState<TimeLimitRow[] | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [refused, setRefused] = useState<Refusal[]>([])
  const [notice, setNotice] = useState<Notice | null>(null)
  const [adding, setAdding] = useState<Kind | ''>('')

  const take = (rows: TimeLimitRow[]) => {
    setSaved(rows)
    setDraft(draftOf(rows))
    setRefused([])
  }
  useEffect(() => void adminApi.timeLimits().then(take, (e: unknown) => setNotice({ kind: 'error', text: errorText(e) })), [])
  if (!draft || !saved) return <div className="limits-tab" aria-busy="true"><NoticeLine notice={notice} /><p className="dim">正在读取…</p></div>

  const changed = JSON.stringify(draft) !== JSON.stringify(draftOf(saved))
  const edit = (holder: Holder, kind: Kind | null, which: keyof Pair, value: string) => {
    // A cell typed in again is no longer marked; the others stay until the next save checks them.
    setRefused(refused.filter((r) => r.cell !== cellKey(holder, kind, which)))
    const set = (p: Pair) => ({ ...p, [which]: value })
    setDraft(kind === null
      ? { ...draft, base: { ...draft.base, [holder]: set(draft.base[holder]) } }
      : { ...draft, kinds: draft.kinds.map((k) => (k.kind === kind ? { kind, cells: { ...k.cells, [holder]: set(k.cells[holder]) } } : k)) })
  }
  const hours = (holder: Holder, kind: Kind | null, which: keyof Pair, pair: Pair) => {
    const reason = refused.find((r) => r.cell === cellKey(holder, kind, which))?.text
    return (
      <input className="hours" inputMode="decimal" value={pair[which]} onChange={(e) => edit(holder, kind, which, e.target.value)}
        aria-label={`${labels.holder[holder]} · ${kind ? kindLabel(kind) : '通用'} · ${which === 'sign' ? '签收' : '办理'}时限（小时）`}
        aria-invalid={reason !== undefined} title={reason} data-cell={cellKey(holder, kind, which)}
        placeholder={kind ? draft.base[holder][which] : ''} />
    )
  }

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setNotice(null)
    const { rows, cells } = rowsOf(draft)
    const checked = TimeLimitTable.safeParse(rows)
    if (!checked.success) return setRefused(refusals(issuesOf(checked.error), cells))
    try {
      const now = await adminApi.replaceTimeLimits(checked.data)
      const what = changes(saved, now)
      take(now)
      setNotice({ kind: 'done', text: `已保存时限表${what.length ? `：${what.join('；')}` : '（无变化）'}。此后开始的计时按新时限` })
    } catch (err) {
      setRefused(refusals(err instanceof ApiError ? err.issues : [], cells))
      setNotice({ kind: 'error', text: errorText(err) })
    }
  }
  const addKind = () => {
    if (!adding) return
    setDraft({ ...draft, kinds: [...draft.kinds, { kind: adding, cells: blank() }].sort(inKindOrder) })
    setAdding('')
  }
  const unused = KINDS.filter((k) => !draft.kinds.some((r) => r.kind === k))

  return (
    <form className="limits-tab" onSubmit={(e) => void save(e)} noValidate aria-label="时限" data-testid="time-limits">
      <section>
        <h2>通用时限</h2>
        <p className="hint-inline">案件到达某一层级或部门后，须在签收时限内签收、在办理时限内办结；超时即按规则上报督办。单位：小时。</p>
        <table className="limits" data-testid="limits-base">
          <thead><tr><th>承办层级</th><th>签收时限（小时）</th><th>办理时限（小时）</th></tr></thead>
          <tbody>
            {HOLDERS.map((h) => (
              <tr key={h} data-holder={h}>
                <th scope="row">{labels.holder[h]}</th>
                {(['sign', 'handle'] as const).map((w) => (
                  <td key={w}>{hours(h, null, w, draft.base[h])} <span className="days">{days(draft.base[h][w])}</span></td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>按事项类别另定</h2>
        <p className="hint-inline">某一层级的两项都留空，即沿用该层级的通用时限（灰色数字）。</p>
        <table className="limits kinds" data-testid="limits-kinds">
          <thead>
            <tr><th rowSpan={2}>事项类别</th>{HOLDERS.map((h) => <th key={h} colSpan={2} className="holder">{labels.holder[h]}</th>)}<th rowSpan={2} /></tr>
            <tr>{HOLDERS.map((h) => [<th key={`${h}-s`} className="holder">签收</th>, <th key={`${h}-h`}>办理</th>])}</tr>
          </thead>
          <tbody>
            {draft.kinds.map(({ kind, cells }) => (
              <tr key={kind} data-kind={kind}>
                <th scope="row">{kindLabel(kind)}</th>
                {HOLDERS.map((h) => [
                  <td key={`${h}-s`} className="holder">{hours(h, kind, 'sign', cells[h])}</td>,
                  <td key={`${h}-h`}>{hours(h, kind, 'handle', cells[h])}</td>,
                ])}
                <td><button type="button" onClick={() => setDraft({ ...draft, kinds: draft.kinds.filter((k) => k.kind !== kind) })}>移除</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="add-kind">
          <select aria-label="另定时限的事项类别" value={adding} onChange={(e) => setAdding(e.target.value as Kind | '')}>
            <option value="">选择事项类别…</option>
            {unused.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
          </select>
          <button type="button" onClick={addKind} disabled={!adding}>添加类别</button>
        </div>
      </section>
      <div className="save-bar">
        <button type="submit" className="primary" disabled={!changed}>保存时限表</button>
        <button type="button" onClick={() => take(saved)} disabled={!changed}>放弃修改</button>
        {changed && <span className="unsaved">有未保存的修改</span>}
      </div>
      {refused.length > 0 && (
        <ul className="refusals" role="alert" data-testid="limit-refusals">{refused.map((r, i) => <li key={i}>{r.text}</li>)}</ul>
      )}
      <NoticeLine notice={notice} />
    </form>
  )
}
