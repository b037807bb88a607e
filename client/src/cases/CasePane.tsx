import { useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { CaseDetail, CaseParties, CaseSummary, type GridProps, labels, type Me, PartyAccess } from '../../../contract'
import { may } from '../../../domain/access'
import { ApiError, fetchJson, postJson } from '../api/fetchJson'
import { dateTime } from '../ui/format'
import { errorText } from '../ui/errorText'
import { type Notice, NoticeLine } from '../ui/Notice'
import { type CaseAction, CaseActions, type Send } from './CaseActions'
import { kindLabel } from './kindLabel'
import { MediationSection } from './MediationSection'
import { reports, signState } from './signState'
import './casePane.css'
import { actedText, changedText } from './stepTexts'
import { timeLeft } from './timeLeft'
import { Timeline } from './Timeline'

/** What a text hidden from this role says in its place: free text often names people. */
const HIDDEN_TEXT = '（仅办理人员可见）'

/** The contract's request each action sends, whose field labels its refusals use (`reason` is 上移理由 of an escalation). */
const REQUEST: Record<CaseAction['path'], string> = { steps: 'StepRequest', escalate: 'EscalateRequest', assign: 'AssignRequest' }

/**
 * One case, as the drill-down and the desk show it: its facts, its history as a timeline, and what the
 * account may do with it now, each a form of its own (`CaseActions`); for a duty leader, the parties on
 * explicit request, logged. Every action names the version the reader saw: if someone acted first, the
 * server answers 409 with the case as it is now, and the pane shows that. After an action the pane says
 * what happened (where the case went, its new time limit) and reads the case again. A newer version that no
 * action of this pane made (someone else's step, come through the list's room) is marked in the pane and
 * announced to a screen reader ("案件 … 已被他人更新：已核实"). A dispute's mediations
 * are read and written beside the loop (`MediationSection`). `version`: the
 * case's version in the list beside, which reads it again when it moves; `grids`: the city's, to dispatch to.
 */
export function CasePane({ id, version, me, grids, onActed }: {
  id: number; version: number | undefined; me: Me; grids: readonly GridProps[]; onActed: (after: CaseSummary) => void
}) {
  const [detail, setDetail] = useState<CaseDetail | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [parties, setParties] = useState<CaseParties | null>(null)
  const [log, setLog] = useState<PartyAccess[] | null>(null)
  const [reads, setReads] = useState(0)
  const [byOthers, setByOthers] = useState<string | null>(null)
  // The case as last shown; the pane's own writes under way, and the newest version they made.
  const seen = useRef<CaseDetail | null>(null)
  const writing = useRef(0)
  const ownUpTo = useRef(0)

  /** Shows a read of the case, saying so when it is newer than the one on screen and no write of this pane made it. */
  const show = (d: CaseDetail) => {
    const before = seen.current
    seen.current = d
    if (before?.id === d.id && d.version > before.version && writing.current === 0 && d.version > ownUpTo.current) setByOthers(changedText(before, d))
    setDetail(d)
  }
  /**
   * One of this pane's own writes: what it makes is not someone else's. `made`: the case's version after it,
   * from its answer or from the version it started at (a mediation's write raises it by one).
   */
  const own = async <T,>(work: () => Promise<T>, made: (result: T, from: number) => number): Promise<T> => {
    const from = seen.current?.version ?? 0
    writing.current++
    try {
      const result = await work()
      ownUpTo.current = Math.max(ownUpTo.current, made(result, from))
      return result
    } finally {
      writing.current--
    }
  }

  useEffect(() => {
    let stopped = false
    fetchJson(`/api/v1/cases/${id}`, CaseDetail).then((d) => !stopped && show(d), (e: unknown) => !stopped && setNotice({ kind: 'error', text: errorText(e) }))
    return () => void (stopped = true)
  }, [id, version, reads])
  useEffect(() => {
    setNotice(null)
    setParties(null)
    setLog(null)
    setByOthers(null)
    ownUpTo.current = 0
  }, [id])

  if (!detail || detail.id !== id) return <section className="case-pane" aria-busy="true" data-testid="case-pane-loading" />

  const send: Send = async (action) => {
    setNotice(null)
    setByOthers(null)
    try {
      const after = await own(() => postJson(`/api/v1/cases/${id}/${action.path}`, { ...action.body, expectedVersion: detail.version }, CaseSummary), (a) => a.version)
      const acted = action.path === 'steps' ? action.body.step : action.path
      setNotice({ kind: 'done', text: actedText(acted, after, detail.actingFor, Date.now()) })
      setReads((n) => n + 1)
      onActed(after)
      return true
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_case' && e.detail.current) {
        show(e.detail.current)
        setNotice({ kind: 'stale', text: `案件已被他人处理（现为${labels.caseState[e.detail.current.state]}，第 ${e.detail.current.version} 版），已刷新，请重新确认` })
      } else {
        setNotice({ kind: 'error', text: errorText(e, REQUEST[action.path]) })
      }
      return false
    }
  }
  const openParties = async () => {
    try {
      setParties(await fetchJson(`/api/v1/cases/${id}/parties`, CaseParties))
      setLog(await fetchJson(`/api/v1/party-access-log?case=${id}`, z.array(PartyAccess)))
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) })
    }
  }
  const now = Date.now()
  const left = timeLeft(detail, now)
  const sign = signState(detail, detail.actingFor)

  return (
    <section className="case-pane" data-testid="case-pane" data-case-id={detail.id} data-version={detail.version} data-state={detail.state} aria-labelledby="case-title">
      <a className="print-link" href={`/print/case/${detail.id}`} target="_blank" rel="noopener" data-testid="print-case">打印交办单</a>
      <h2 id="case-title">{kindLabel(detail)} <span className="code">{detail.code}</span></h2>
      <p className="facts">
        {labels.caseSource[detail.source]} · {labels.caseLevel[detail.level]} · <b data-testid="case-state">{labels.caseState[detail.state]}</b>
        {sign && <> · <span className={`sign ${sign.signed ? 'signed' : 'unsigned'}`} data-testid="case-sign">{sign.text}</span></>}
        {' · '}
        {detail.closedAt
          ? <span>结案于 {dateTime(detail.closedAt)}</span>
          : <span className={left.overdue ? 'alarm' : ''}>{left.text}</span>}
        {detail.dueAt && <span className="due">（时限 {dateTime(detail.dueAt)}）</span>}
        {detail.assignee && <> · 指派 {detail.assignee}</>}
      </p>
      {detail.departments.length > 0 && (
        <p className="reports" data-testid="case-reports">
          {reports(detail, now).map((r) => (
            <span key={r.name} className={r.signed ? 'signed' : r.late ? 'late' : 'unsigned'}>{r.lead ? '牵头' : '配合'} {r.name} {r.signed ? '已报到' : '待报到'}</span>
          ))}
        </p>
      )}
      {detail.actingFor && <p className="acting-for">以「{detail.actingFor}」办理</p>}
      {(detail.sendBacks > 0 || detail.reopened > 0) && (
        <p className="counts">{detail.sendBacks > 0 && `退回 ${detail.sendBacks} 次`}{detail.sendBacks > 0 && detail.reopened > 0 && ' · '}{detail.reopened > 0 && `重新办理 ${detail.reopened} 次`}</p>
      )}
      {detail.description === null
        ? <p className="description hidden-text" data-testid="description">描述{HIDDEN_TEXT}</p>
        : detail.description && <p className="description" data-testid="description">{detail.description}</p>}
      <p className="by-others" aria-live="polite" aria-atomic="true" data-testid="case-by-others">{byOthers}</p>
      <NoticeLine notice={notice} />
      <CaseActions detail={detail} me={me} grids={grids} send={send} />
      {detail.category === 'dispute' && <MediationSection detail={detail} me={me} notify={setNotice} own={(work) => own(work, (_, from) => from + 1)} onWritten={() => setReads((n) => n + 1)} />}
      <Timeline history={detail.history} />
      {detail.history.some((h) => h.note === null) && <p className="hidden-text">处置说明{HIDDEN_TEXT}</p>}
      <div className="parties">
        {may(me.role, 'read_parties') && <button type="button" onClick={openParties} data-testid="open-parties">查看当事人（查阅将被记录）</button>}
        {parties && (
          <ul data-testid="parties">
            {parties.parties.map((p, i) => <li key={i}>{p.role === 'applicant' ? '申请人' : '被申请人'} {p.name} {p.phone ?? ''}</li>)}
            {parties.parties.length === 0 && <li>无登记当事人</li>}
          </ul>
        )}
        {log && (
          <table className="access-log" data-testid="access-log">
            <caption>查阅记录</caption>
            <tbody>{log.map((r, i) => <tr key={i}><td>{dateTime(r.at)}</td><td>{r.actorName ?? r.actor}</td></tr>)}</tbody>
          </table>
        )}
      </div>
    </section>
  )
}
