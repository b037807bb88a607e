import { useEffect, useMemo, useState } from 'react'
import { type CaseDetail, CaseMediations, labels, type Me, Mediation } from '../../../contract'
import { codePrefix, coversArea, may, reachOf } from '../../../domain/access'
import { beijingDate } from '../../../domain/periods'
import { ApiError, fetchJson, sendJson } from '../api/fetchJson'
import { dateTime } from '../ui/format'
import { errorText } from '../ui/errorText'
import type { Notice } from '../ui/Notice'
import { ConfirmationForm, type MediationWrite, OutcomeForm, ReferForm } from './MediationForms'
import { issuesOf, MEDIATION_FIELD, type MediationFormField, outcomeText, refusalText, yuan } from './mediationTexts'
import { useMediationBodies } from './useMediationBodies'
import './mediation.css'

type Shown = 'refer' | 'outcome' | 'confirmation'
const SHOWN_NAME: Record<Shown, string> = { refer: '移交调解', outcome: '记录调解结果', confirmation: '司法确认' }

/** `2026/12/5`, the Beijing date of an instant. */
const day = (iso: string) => beijingDate(new Date(iso)).split('-').map(Number).join('/')

/** One mediation as the list shows it: body, kind and mode, referred, then its sessions, outcome, amount and court confirmation. */
function MediationRow({ m }: { m: Mediation }) {
  const facts = [
    <>移交于 {dateTime(m.referredAt)}</>,
    ...(m.outcome === null
      ? [<span className="open">调解中</span>]
      : [<>调解 {m.sessions} 次</>, <><span className={m.outcome}>{labels.mediationOutcome[m.outcome]}</span>（{day(m.endedAt!)}）</>]),
    ...(m.amountYuan === null ? [] : [<>协议金额 <span data-testid="mediation-amount">{yuan(m.amountYuan)}</span></>]),
    ...(m.outcome !== 'agreement' ? [] : [m.confirmedAt ? <>司法确认 <span data-testid="mediation-confirmed">{day(m.confirmedAt)}</span></> : <>未司法确认</>]),
  ]
  return (
    <li data-testid="mediation-row" data-mediation-id={m.id} data-outcome={m.outcome ?? 'open'}>
      <b>{m.bodyName}</b> · {labels.mediationKind[m.kind]} · {labels.mediationMode[m.mode]}
      <span className="row-sub">{facts.map((f, i) => <span key={i} className="fact">{f}</span>)}</span>
    </li>
  )
}

/**
 * A dispute's mediations (调解), oldest first, and for those who may mediate the one write each allows now:
 * referring it to a body serving its area that takes its kind (no mediation open, the case not closed),
 * recording the open one's outcome, or a court's confirmation of the latest agreement. Read again on
 * every new version of the case (each write makes one) and after a write of one's own; `notify` says what
 * happened in the pane's notice, `own` runs a write as the pane's own (not "updated by others"), `onWritten` has
 * the pane read the case (its timeline) again.
 */
export function MediationSection({ detail, me, notify, own, onWritten }: {
  detail: CaseDetail; me: Me; notify: (n: Notice | null) => void; own: (work: () => Promise<Mediation>) => Promise<Mediation>; onWritten: () => void
}) {
  const [list, setList] = useState<Mediation[] | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const [reads, setReads] = useState(0)
  const [shown, setShown] = useState<Shown | null>(null)
  useEffect(() => {
    let stopped = false
    fetchJson(`/api/v1/cases/${detail.id}/mediations`, CaseMediations).then(
      (r) => !stopped && (setList(r.mediations), setFailed(null)),
      (e: unknown) => !stopped && setFailed(errorText(e)),
    )
    return () => void (stopped = true)
  }, [detail.id, detail.version, reads])
  useEffect(() => setShown(null), [detail.id])

  const mayMediate = may(me.role, 'mediate')
  const open = list?.find((m) => m.outcome === null) ?? null
  const unconfirmed = list?.findLast((m) => m.outcome === 'agreement' && m.confirmedAt === null) ?? null
  const offered: Shown[] = !mayMediate || !list ? [] : [
    ...(open ? ['outcome' as const] : detail.state !== 'closed' ? ['refer' as const] : []),
    ...(unconfirmed ? ['confirmation' as const] : []),
  ]
  // The bodies serving the case's community (its own, its township's, the city's), or, for an account whose
  // area is smaller (a grid worker's) or none (a department's), those serving the account's own.
  const area = offered.includes('refer') ? (coversArea(reachOf(me.scope, me.whole), detail.communityCode) ? detail.communityCode : '') : null
  const bodies = useMediationBodies(area)
  const taking = useMemo(() => (bodies?.kind === 'ready'
    ? bodies.bodies.filter((b) => (b.disputeKinds as string[]).includes(detail.kind) && detail.gridCode.startsWith(codePrefix(b.areaCode)))
    : null), [bodies, detail.kind, detail.gridCode])

  const write = <B,>(method: 'POST' | 'PATCH', path: string, verb: string, done: (m: Mediation) => string): MediationWrite<B> => async (body) => {
    notify(null)
    try {
      const m = await own(() => sendJson(method, `/api/v1/cases/${detail.id}/mediations${path}`, body, Mediation))
      notify({ kind: 'done', text: done(m) })
      setShown(null)
      setReads((n) => n + 1)
      onWritten()
      return null
    } catch (e) {
      const { byField, other } = e instanceof ApiError && e.status === 400 ? issuesOf(e.issues) : { byField: {}, other: [] }
      const named = [...(Object.entries(byField) as [MediationFormField, string][]).map(([f, reason]) => `${MEDIATION_FIELD[f]}：${reason}`), ...other]
      notify({ kind: 'error', text: `未能${verb}：${named.length ? named.join('；') : refusalText(e)}` })
      return byField
    }
  }

  return (
    <section className="mediation" aria-labelledby={`mediation-${detail.id}`} data-testid="mediation" aria-busy={list === null}>
      <h3 id={`mediation-${detail.id}`}>调解</h3>
      {failed && <p className="field-error" role="alert">调解记录读取失败：{failed}</p>}
      {list && (list.length === 0
        ? <p className="none">未移交调解</p>
        : <ol className="mediations">{list.map((m) => <MediationRow key={m.id} m={m} />)}</ol>)}
      {offered.length > 0 && (
        <div className="mediation-actions">
          {offered.map((s) => (
            <button key={s} type="button" aria-pressed={shown === s} data-action={s} onClick={() => setShown(shown === s ? null : s)}>{SHOWN_NAME[s]}</button>
          ))}
        </div>
      )}
      <div className="actions">
        {shown === 'refer' && offered.includes('refer') && (
          <>
            {bodies?.kind === 'failed' && <p className="field-error" role="alert">调解组织读取失败：{bodies.message}</p>}
            <ReferForm bodies={taking} write={write('POST', '', '移交调解', (m) => `已移交${m.bodyName}（${labels.mediationKind[m.kind]}·${labels.mediationMode[m.mode]}）`)} />
          </>
        )}
        {shown === 'outcome' && open && (
          <OutcomeForm key={open.id} mediation={open} write={write('PATCH', `/${open.id}`, '记录调解结果', (m) => `已记录调解结果：${outcomeText(m, m)}`)} />
        )}
        {shown === 'confirmation' && unconfirmed && (
          <ConfirmationForm key={unconfirmed.id} mediation={unconfirmed}
            write={write('PATCH', `/${unconfirmed.id}`, '记录司法确认', (m) => `已记录司法确认：${m.bodyName}的调解协议（${day(m.confirmedAt!)}）`)} />
        )}
      </div>
    </section>
  )
}
