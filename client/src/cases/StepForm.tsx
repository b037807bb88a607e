import { useState } from 'react'
import { type AnswerChannel, type CaseDetail, type DepartmentInfo, type GridProps, labels, type LoopStep, type Satisfaction, type SendBackReason, type StepRequest } from '../../../contract'
import { ActionForm } from './ActionForm'
import { Choice, yesNo } from './Choice'
import { checkStep, CONFIRMED, EMPTY_DRAFT, type StepDraft, type StepIssues } from './stepDraft'
import { confirmText } from './stepTexts'

/** How many departments may assist one lead (the contract's limit). */
const MAX_ASSISTING = 5

const entries = <K extends string>(o: Record<K, string>) => Object.entries(o) as [K, string][]
const CLOSE_SATISFACTION = entries(labels.satisfaction)
// A follow-up records what the reporter said: nobody reached is no follow-up.
const FOLLOW_UP_SATISFACTION = CLOSE_SATISFACTION.filter(([s]) => s !== 'not_visited')

/** What the note of each step is, and whether the contract asks for it. */
function noteOf(step: LoopStep, d: StepDraft): { label: string; required: boolean } {
  switch (step) {
    case 'answer': return { label: '答复内容', required: true }
    case 'send_back': return { label: '退回说明', required: d.reason === 'other' }
    case 'feed_back': return { label: '办理结果', required: false }
    case 'handle': return { label: '处置说明', required: false }
    case 'supervise': return { label: '督办意见', required: false }
    default: return { label: '说明', required: false }
  }
}

/** A step's name on its button: a department's sign-for is its 报到. */
export const stepVerb = (step: LoopStep, actingFor: string | null) => (step === 'sign_for' && actingFor ? '报到' : labels.caseStep[step])

/**
 * The form of one step of the loop the reader may take now, asking for exactly what the step needs (none
 * of it filled in beforehand), checked as the server checks it; a step that cannot be taken back is
 * confirmed with a summary. `departments`: those the case's level may summon; `grids`: those it may dispatch to.
 */
export function StepForm({ step, detail, departments, grids, send }: {
  step: LoopStep; detail: CaseDetail; departments: readonly DepartmentInfo[] | null; grids: readonly GridProps[]
  send: (body: StepRequest) => Promise<boolean>
}) {
  const [d, setD] = useState<StepDraft>(EMPTY_DRAFT)
  const [issues, setIssues] = useState<StepIssues>({})
  const set = (patch: Partial<StepDraft>) => {
    setD({ ...d, ...patch })
    setIssues({})
  }
  const name = (field: string) => `${field}-${detail.id}-${step}`
  const note = noteOf(step, d)
  const verb = stepVerb(step, detail.actingFor)
  const check = () => {
    const checked = checkStep(step, d)
    if (checked.ok) return checked.body
    setIssues(checked.issues)
    return null
  }
  const gridName = (code: string) => grids.find((g) => g.code === code)?.name ?? ''

  return (
    <ActionForm
      name={verb} verb={verb} testId="step-form" step={step} check={check} send={send}
      summary={CONFIRMED.has(step) ? (body) => confirmText(body, detail, gridName(body.grid ?? '')) : null}
      onSent={() => setD(EMPTY_DRAFT)}
    >
      {step === 'route' && (
        <>
          <label className="field">
            牵头部门（必选）
            <select aria-label="牵头部门" value={d.lead} aria-invalid={issues.lead ? true : undefined}
              onChange={(e) => set({ lead: e.target.value, assisting: d.assisting.filter((a) => a !== e.target.value) })}>
              <option value="">{departments ? '请选择…' : '正在读取部门…'}</option>
              {departments?.map((x) => <option key={x.name} value={x.name}>{x.name}（{labels.departmentLevel[x.level]}）</option>)}
            </select>
            {issues.lead && <span className="field-error" role="alert">{issues.lead}</span>}
          </label>
          <fieldset className="assisting" aria-invalid={issues.assisting ? true : undefined}>
            <legend>配合部门（可多选，至多 {MAX_ASSISTING} 个）</legend>
            {departments?.filter((x) => x.name !== d.lead).map((x) => {
              const on = d.assisting.includes(x.name)
              return (
                <label key={x.name} className={on ? 'chosen' : ''}>
                  <input type="checkbox" checked={on} disabled={!on && d.assisting.length >= MAX_ASSISTING}
                    onChange={() => set({ assisting: on ? d.assisting.filter((a) => a !== x.name) : [...d.assisting, x.name] })} /> {x.name}
                </label>
              )
            })}
            {issues.assisting && <span className="field-error" role="alert">{issues.assisting}</span>}
          </fieldset>
        </>
      )}
      {step === 'dispatch' && (
        <label className="field">
          派往网格（必选）
          <select aria-label="派往网格" value={d.grid} aria-invalid={issues.grid ? true : undefined} onChange={(e) => set({ grid: e.target.value })}>
            <option value="">请选择…</option>
            {grids.map((g) => <option key={g.code} value={g.code}>{g.name} {g.code}{g.code === detail.gridCode ? '（本案所在网格）' : ''}</option>)}
          </select>
          {issues.grid && <span className="field-error" role="alert">{issues.grid}</span>}
        </label>
      )}
      {step === 'send_back' && (
        <Choice<SendBackReason> name={name('reason')} legend="退回原因（必选）" options={entries(labels.sendBackReason)} value={d.reason}
          onChange={(reason) => set({ reason })} error={issues.reason} />
      )}
      {step === 'check' && (
        <Choice name={name('accepted')} legend="审核结论（必选）" options={[['yes', '通过'], ['no', '不通过，退回部门重办']] as const}
          value={yesNo(d.accepted)} onChange={(v) => set({ accepted: v === 'yes' })} error={issues.accepted} />
      )}
      {step === 'answer' && (
        <Choice<AnswerChannel> name={name('channel')} legend="答复方式（必选）" options={entries(labels.answerChannel)} value={d.channel}
          onChange={(channel) => set({ channel })} error={issues.channel} />
      )}
      {step === 'close' && (
        <Choice name={name('resolved')} legend="办理结果（必选）" options={[['yes', '已化解'], ['no', '未化解']] as const}
          value={yesNo(d.resolved)} onChange={(v) => set({ resolved: v === 'yes' })} error={issues.resolved} />
      )}
      {(step === 'close' || step === 'follow_up') && (
        <Choice<Satisfaction> name={name('satisfaction')} legend={step === 'close' ? '群众满意度（必选）' : '回访评价（必选）'}
          options={step === 'close' ? CLOSE_SATISFACTION : FOLLOW_UP_SATISFACTION} value={d.satisfaction}
          onChange={(satisfaction) => set({ satisfaction })} error={issues.satisfaction} />
      )}
      <label className="field note">
        {note.label}{note.required ? '（必填）' : '（可选）'}
        <textarea aria-label={note.label} rows={2} maxLength={500} value={d.note} aria-invalid={issues.note ? true : undefined}
          onChange={(e) => set({ note: e.target.value })} />
        {issues.note && <span className="field-error" role="alert">{issues.note}</span>}
      </label>
    </ActionForm>
  )
}
