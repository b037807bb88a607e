import { useState } from 'react'
import type { z } from 'zod'
import {
  labels, type Mediation, type MediationBody, type MediationKind, type MediationMode, type MediationOutcome, MediationResult, ReferToMediation,
} from '../../../contract'
import { beijingDate, beijingStart } from '../../../domain/periods'
import { ActionForm } from './ActionForm'
import { Choice } from './Choice'
import { issuesOf, MEDIATION_FIELD, type MediationIssues, outcomeText } from './mediationTexts'

/** Sends a request; the fields it was refused for, or null once it is written (the section says what happened either way). */
export type MediationWrite<B> = (body: B) => Promise<MediationIssues | null>

const DAY = 86_400_000
const entries = <K extends string>(o: Record<K, string>) => Object.entries(o) as [K, string][]

/** The request, checked by the contract's own schema as the server checks it, or its refusals by field. */
function parsed<B>(schema: z.ZodType<B>, raw: unknown): { body: B | null; issues: MediationIssues } {
  const r = schema.safeParse(raw)
  if (r.success) return { body: r.data, issues: {} }
  return { body: null, issues: issuesOf(r.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message }))).byField }
}

/** A refusal under its field. */
const FieldError = ({ text }: { text: string | undefined }) => (text ? <span className="field-error" role="alert">{text}</span> : null)

/** One form's inputs and what was refused of them; a change clears the refusals. */
function useDraft<D>(empty: D) {
  const [d, setD] = useState(empty)
  const [issues, setIssues] = useState<MediationIssues>({})
  const set = (patch: Partial<D>) => {
    setD({ ...d, ...patch })
    setIssues({})
  }
  const sending = <B,>(write: MediationWrite<B>) => async (body: B) => {
    const refused = await write(body)
    if (refused) setIssues(refused)
    return refused === null
  }
  return { d, set, issues, setIssues, reset: () => setD(empty), sending }
}

/**
 * Referring the dispute to a body (移交调解): one of `bodies`, those serving the case's area that take its kind
 * (null while they are read), with the kind and mode of mediation, none chosen beforehand.
 */
export function ReferForm({ bodies, write }: { bodies: readonly MediationBody[] | null; write: MediationWrite<ReferToMediation> }) {
  const { d, set, issues, setIssues, reset, sending } = useDraft({ bodyId: '', kind: '' as MediationKind | '', mode: '' as MediationMode | '', note: '' })
  const check = () => {
    const missing: MediationIssues = {
      ...(d.bodyId ? {} : { bodyId: '请选择调解组织' }), ...(d.kind ? {} : { kind: '请选择调解类型' }), ...(d.mode ? {} : { mode: '请选择调解方式' }),
    }
    const { body, issues: refused } = parsed(ReferToMediation, { bodyId: Number(d.bodyId), kind: d.kind, mode: d.mode, note: d.note })
    setIssues({ ...refused, ...missing })
    return Object.keys(missing).length ? null : body
  }
  const kinds = [...new Set(bodies?.map((b) => b.kind))]
  return (
    <ActionForm name="移交调解" verb="移交调解" testId="refer-form" check={check} summary={null} send={sending(write)} onSent={reset}>
      <label className="field">
        {MEDIATION_FIELD.bodyId}（必选）
        <select aria-label={MEDIATION_FIELD.bodyId} value={d.bodyId} aria-invalid={issues.bodyId ? true : undefined} onChange={(e) => set({ bodyId: e.target.value })}>
          <option value="">{bodies ? (bodies.length ? '请选择…' : '没有受理此类纠纷的调解组织') : '正在读取调解组织…'}</option>
          {kinds.map((k) => (
            <optgroup key={k} label={labels.mediationBodyKind[k]}>
              {bodies!.filter((b) => b.kind === k).map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
            </optgroup>
          ))}
        </select>
        <FieldError text={issues.bodyId} />
      </label>
      <div className="field-row">
        <label className="field">
          {MEDIATION_FIELD.kind}（必选）
          <select aria-label={MEDIATION_FIELD.kind} value={d.kind} aria-invalid={issues.kind ? true : undefined} onChange={(e) => set({ kind: e.target.value as MediationKind })}>
            <option value="">请选择…</option>
            {entries(labels.mediationKind).map(([k, text]) => <option key={k} value={k}>{text}</option>)}
          </select>
          <FieldError text={issues.kind} />
        </label>
        <label className="field">
          {MEDIATION_FIELD.mode}（必选）
          <select aria-label={MEDIATION_FIELD.mode} value={d.mode} aria-invalid={issues.mode ? true : undefined} onChange={(e) => set({ mode: e.target.value as MediationMode })}>
            <option value="">请选择…</option>
            {entries(labels.mediationMode).map(([k, text]) => <option key={k} value={k}>{text}</option>)}
          </select>
          <FieldError text={issues.mode} />
        </label>
      </div>
      <label className="field note">
        {MEDIATION_FIELD.note}（可选）
        <textarea aria-label="移交说明" rows={2} maxLength={500} value={d.note} onChange={(e) => set({ note: e.target.value })} />
        <FieldError text={issues.note} />
      </label>
    </ActionForm>
  )
}

/** What came of an open mediation (调解结果): the sessions held, agreement or not, and the amount an agreement settles; confirmed first, as it cannot be taken back. */
export function OutcomeForm({ mediation, write }: { mediation: Mediation; write: MediationWrite<MediationResult> }) {
  const { d, set, issues, setIssues, reset, sending } = useDraft({ sessions: '', outcome: '' as MediationOutcome | '', amount: '', note: '' })
  const check = () => {
    const amount = d.outcome === 'agreement' && d.amount.trim() ? Number(d.amount.replace(/[,，\s]/g, '')) : null
    const missing: MediationIssues = {
      ...(d.sessions.trim() ? {} : { sessions: '请填写调解次数' }), ...(d.outcome ? {} : { outcome: '请选择调解结果' }),
      ...(amount !== null && Number.isNaN(amount) ? { amountYuan: '须为金额（元），如 12000 或 12000.50' } : {}),
    }
    const { body, issues: refused } = parsed(MediationResult, {
      sessions: Number(d.sessions), outcome: d.outcome || undefined, amountYuan: amount, note: d.note,
    })
    setIssues({ ...refused, ...missing })
    return Object.keys(missing).length ? null : body
  }
  return (
    <ActionForm
      name="记录调解结果" verb="记录调解结果" testId="outcome-form" check={check} send={sending(write)} onSent={reset}
      summary={(b) => `${outcomeText(b, mediation)}。记录后不能更改。`}
    >
      <label className="field">
        {MEDIATION_FIELD.sessions}（必填）
        <input aria-label={MEDIATION_FIELD.sessions} type="number" min={1} max={99} step={1} inputMode="numeric" value={d.sessions}
          aria-invalid={issues.sessions ? true : undefined} onChange={(e) => set({ sessions: e.target.value })} />
        <FieldError text={issues.sessions} />
      </label>
      <Choice<MediationOutcome> name={`outcome-${mediation.id}`} legend={`${MEDIATION_FIELD.outcome}（必选）`} options={entries(labels.mediationOutcome)}
        value={d.outcome} onChange={(outcome) => set({ outcome, amount: outcome === 'agreement' ? d.amount : '' })} error={issues.outcome} />
      {d.outcome === 'agreement' && (
        <label className="field">
          {MEDIATION_FIELD.amountYuan}（元，无金额可不填）
          <input aria-label={MEDIATION_FIELD.amountYuan} inputMode="decimal" value={d.amount}
            aria-invalid={issues.amountYuan ? true : undefined} onChange={(e) => set({ amount: e.target.value })} />
          <FieldError text={issues.amountYuan} />
        </label>
      )}
      <label className="field note">
        {MEDIATION_FIELD.note}（可选）
        <textarea aria-label="调解说明" rows={2} maxLength={500} value={d.note} onChange={(e) => set({ note: e.target.value })} />
        <FieldError text={issues.note} />
      </label>
    </ActionForm>
  )
}

/**
 * A court's confirmation of the agreement (司法确认), by its date: the day's end, or now for today, so that a
 * confirmation on the day the mediation ended is not before it.
 */
export function ConfirmationForm({ mediation, write }: { mediation: Mediation; write: MediationWrite<MediationResult> }) {
  const { d, set, issues, setIssues, reset, sending } = useDraft({ date: '', note: '' })
  const today = beijingDate(new Date())
  const ended = mediation.endedAt ? beijingDate(new Date(mediation.endedAt)) : today
  const check = () => {
    const wrong = !d.date ? '请选择司法确认日期' : d.date > today ? '不能晚于今天' : d.date < ended ? `早于调解结束的日期（${ended}）` : null
    if (wrong) {
      setIssues({ confirmedAt: wrong })
      return null
    }
    const at = new Date(Math.min(Date.now(), beijingStart(d.date).getTime() + DAY - 1000))
    const { body, issues: refused } = parsed(MediationResult, { confirmedAt: at.toISOString(), note: d.note })
    setIssues(refused)
    return body
  }
  return (
    <ActionForm name="司法确认" verb="记录司法确认" testId="confirmation-form" check={check} summary={null} send={sending(write)} onSent={reset}>
      <label className="field">
        {MEDIATION_FIELD.confirmedAt}（必填）
        <input aria-label={MEDIATION_FIELD.confirmedAt} type="date" min={ended} max={today} value={d.date}
          aria-invalid={issues.confirmedAt ? true : undefined} onChange={(e) => set({ date: e.target.value })} />
        <FieldError text={issues.confirmedAt} />
      </label>
      <label className="field note">
        {MEDIATION_FIELD.note}（可选）
        <textarea aria-label="司法确认说明" rows={2} maxLength={500} value={d.note} onChange={(e) => set({ note: e.target.value })} />
        <FieldError text={issues.note} />
      </label>
    </ActionForm>
  )
}
