import { type FormEvent, useEffect, useState } from 'react'
import { z } from 'zod'
import {
  type AssignRequest, CaseDetail, CaseParties, CaseSummary, type Department, DEPARTMENTS, type EscalateRequest, type GridPost, labels, type LoopStep, PartyAccess, type Satisfaction, type StepRequest,
} from '../../../contract'
import { ApiError, fetchJson, postJson } from '../api/fetchJson'
import { dateTime, errorText } from '../ui/format'
import { type Notice, NoticeLine } from '../ui/Notice'
import { kindLabel } from './CaseList'
import { timeLeft } from './timeLeft'


/** What the signed-in account may do with a case, by the domain's rules for its role (the server holds to the same). */
export type CaseRights = { step: boolean; escalate: boolean; assign: boolean; parties: boolean }

/** What a text hidden from this role says in its place: free text often names people. */
const HIDDEN_TEXT = '（仅办理人员可见）'

/** What a duty leader's action sends, by the route under the case that takes it: the contract's request bodies. */
type CaseActions = { steps: StepRequest; escalate: EscalateRequest; assign: AssignRequest }
type Act = <P extends keyof CaseActions>(path: P, body: Omit<CaseActions[P], 'expectedVersion'>) => Promise<void>

/**
 * One case: its facts, its step history as a timeline, and what the account's role may do with it (the
 * next step of the loop with a note; for a duty leader, escalation with a reason, assignment to a post of its
 * grid, the parties on explicit request, logged). Every action names the version the leader saw: if another
 * leader acted first, the server answers 409 with the case as it is now, and this pane shows that.
 */
export function CasePane({ id, version, rights, roster, onActed }: {
  id: number; version: number | undefined; rights: CaseRights; roster: readonly GridPost[]; onActed: () => void
}) {
  const [detail, setDetail] = useState<CaseDetail | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [parties, setParties] = useState<CaseParties | null>(null)
  const [log, setLog] = useState<PartyAccess[] | null>(null)

  useEffect(() => {
    let stopped = false
    fetchJson(`/api/v1/cases/${id}`, CaseDetail).then((d) => !stopped && setDetail(d), (e: unknown) => !stopped && setNotice({ kind: 'error', text: errorText(e) }))
    return () => void (stopped = true)
  }, [id, version])
  useEffect(() => {
    setNotice(null)
    setParties(null)
    setLog(null)
  }, [id])

  if (!detail || detail.id !== id) return <section className="case-pane" aria-busy="true" />

  const act: Act = async (path, body) => {
    setNotice(null)
    try {
      await postJson(`/api/v1/cases/${id}/${path}`, { ...body, expectedVersion: detail.version }, CaseSummary)
      setNotice({ kind: 'done', text: '已提交' })
      onActed()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_case' && e.detail.current) {
        setDetail(e.detail.current)
        setNotice({ kind: 'stale', text: `案件已被他人处理（现为${labels.caseState[e.detail.current.state]}，第 ${e.detail.current.version} 版），已刷新，请重新确认` })
      } else {
        setNotice({ kind: 'error', text: errorText(e) })
      }
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
  const left = timeLeft(detail, Date.now())

  return (
    <section className="case-pane" data-testid="case-pane" data-case-id={detail.id} data-version={detail.version} data-state={detail.state} aria-labelledby="case-title">
      <h2 id="case-title">{kindLabel(detail)} <span className="code">{detail.code}</span></h2>
      <p className="facts">
        {labels.caseSource[detail.source]} · {labels.caseLevel[detail.level]} · <b data-testid="case-state">{labels.caseState[detail.state]}</b>
        {' · '}<span className={left.overdue ? 'alarm' : ''}>{left.text}</span>
        {detail.assignee && <> · 指派 {detail.assignee}</>}
      </p>
      {detail.description === null
        ? <p className="description hidden-text" data-testid="description">描述{HIDDEN_TEXT}</p>
        : detail.description && <p className="description" data-testid="description">{detail.description}</p>}
      <NoticeLine notice={notice} />
      <ol className="timeline" aria-label="处置过程">
        {detail.history.map((h, i) => (
          <li key={i}>
            <time>{dateTime(h.at)}</time> <b>{labels.caseStep[h.step]}</b> {labels.actorRole[h.actorRole]} · {labels.caseLevel[h.level]}
            {h.department && <> · {h.department}</>}{h.assignee && <> · {h.assignee}</>}{h.note && <span className="note">{h.note}</span>}
          </li>
        ))}
      </ol>
      {detail.history.some((h) => h.note === null) && <p className="hidden-text">处置说明{HIDDEN_TEXT}</p>}
      {rights.step && detail.state !== 'closed' && (
        <Actions detail={detail} roster={roster.filter((p) => p.gridCode === detail.gridCode)} act={act} rights={rights} />
      )}
      <div className="parties">
        {rights.parties && <button type="button" onClick={openParties} data-testid="open-parties">查看当事人（查阅将被记录）</button>}
        {parties && (
          <ul data-testid="parties">
            {parties.parties.map((p, i) => <li key={i}>{p.role === 'applicant' ? '申请人' : '被申请人'} {p.name} {p.phone ?? ''}</li>)}
            {parties.parties.length === 0 && <li>无登记当事人</li>}
          </ul>
        )}
        {log && (
          <table className="access-log" data-testid="access-log">
            <caption>查阅记录</caption>
            <tbody>{log.map((r, i) => <tr key={i}><td>{dateTime(r.at)}</td><td>{r.actor}</td></tr>)}</tbody>
          </table>
        )}
      </div>
    </section>
  )
}

function Actions({ detail, roster, act, rights }: { detail: CaseDetail; roster: readonly GridPost[]; act: Act; rights: CaseRights }) {
  const [step, setStep] = useState<LoopStep | ''>(detail.next[0] ?? '')
  const [note, setNote] = useState('')
  const [department, setDepartment] = useState<Department>(DEPARTMENTS[0])
  const [resolved, setResolved] = useState(true)
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('satisfied')
  const [reason, setReason] = useState('')
  const [worker, setWorker] = useState(roster[0]?.code ?? '')
  useEffect(() => setStep(detail.next[0] ?? ''), [detail.version])

  const submitStep = (e: FormEvent) => {
    e.preventDefault()
    if (!step) return
    void act('steps', {
      step, note,
      ...(step === 'route' ? { department } : {}),
      ...(step === 'close' ? { resolved, satisfaction } : {}),
    })
  }
  return (
    <div className="actions">
      <form onSubmit={submitStep} aria-label="下一步" data-testid="step-form">
        <select aria-label="步骤" value={step} onChange={(e) => setStep(e.target.value as LoopStep)}>
          {detail.next.map((s) => <option key={s} value={s}>{labels.caseStep[s]}</option>)}
        </select>
        {step === 'route' && (
          <select aria-label="派往部门" value={department} onChange={(e) => setDepartment(e.target.value as Department)}>
            {DEPARTMENTS.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        )}
        {step === 'close' && (
          <>
            <label><input type="checkbox" checked={resolved} onChange={(e) => setResolved(e.target.checked)} /> 已化解</label>
            <select aria-label="当事人满意度" value={satisfaction} onChange={(e) => setSatisfaction(e.target.value as Satisfaction)}>
              {(Object.keys(labels.satisfaction) as Satisfaction[]).map((s) => <option key={s} value={s}>{labels.satisfaction[s]}</option>)}
            </select>
          </>
        )}
        <input aria-label="处置说明" placeholder="处置说明" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        <button type="submit" disabled={!step}>执行</button>
      </form>
      {rights.escalate && <form onSubmit={(e) => { e.preventDefault(); void act('escalate', { reason }) }} aria-label="上移督办">
        <input aria-label="上移理由" placeholder="上移理由（必填）" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        <button type="submit" disabled={detail.level === 'city'}>上移督办</button>
      </form>}
      {rights.assign && <form onSubmit={(e) => { e.preventDefault(); void act('assign', { worker }) }} aria-label="指派">
        <select aria-label="指派给" value={worker} onChange={(e) => setWorker(e.target.value)}>
          {roster.map((p) => <option key={p.code} value={p.code}>{labels.workerRole[p.role]} {p.code}</option>)}
        </select>
        <button type="submit" disabled={!worker}>指派</button>
      </form>}
    </div>
  )
}
