import type { FormEvent, KeyboardEvent, Ref } from 'react'
import { DisputeKind, HazardKind, labels, SeatChannel, type SimilarCase } from '../../../contract'
import { kindLabel } from '../cases/kindLabel'
import { type ChosenPoint, type IntakeDraft, type IntakeIssues, needsTicket, TICKET_NAME } from './intakeDraft'
import { PlaceField } from './PlaceField'

/** A field's refusal under it, in the seat's words; nothing while it is not refused. */
export const FieldIssue = ({ reason }: { reason: string | undefined }) => (reason ? <span className="field-issue" role="alert">{reason}</span> : null)

/**
 * The call as the seat takes it down, in the order a call goes: channel, its ticket, what kind of matter, where,
 * what was said, who called. Every field by Tab; Enter files from any field (Shift+Enter: a new line in the
 * text); the channel stays for the next call. `merging`: the case the report will join instead of a new one.
 */
export function IntakeForm({ draft, set, issues, merging, onCancelMerge, onSubmit, busy, firstRef, onChoosePlace, failure, locality }: {
  draft: IntakeDraft; set: (patch: Partial<IntakeDraft>) => void; issues: IntakeIssues
  merging: SimilarCase | null; onCancelMerge: () => void; onSubmit: () => void; busy: boolean
  firstRef: Ref<HTMLInputElement>; onChoosePlace: (p: ChosenPoint) => void; failure: string | null
  /** Where the point lies (township › community › grid), or why it has no grid. */
  locality: { text: string; outside: boolean } | null
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSubmit()
  }
  const enterFiles = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      e.currentTarget.form?.requestSubmit()
    }
  }
  const ticketed = needsTicket(draft.channel)

  return (
    <form className="intake-form" onSubmit={submit} noValidate aria-label="来电登记" data-testid="intake-form">
      <fieldset className="inputs" disabled={busy}>
        <fieldset className="channels" aria-invalid={issues.channel ? true : undefined}>
          <legend>渠道</legend>
          {SeatChannel.options.map((c) => (
            <label key={c} className={draft.channel === c ? 'chosen' : ''} data-channel={c}>
              <input
                type="radio" name="channel" value={c} checked={draft.channel === c}
                ref={draft.channel === c ? firstRef : undefined} onChange={() => set({ channel: c })}
              />
              {labels.caseSource[c]}
            </label>
          ))}
        </fieldset>

        <div className="row">
          <label className="field ticket">
            <span>{TICKET_NAME[draft.channel]}{ticketed ? <em className="req">*</em> : <span className="dim">（选填）</span>}</span>
            <input
              name="ticket" type="text" autoComplete="off" spellCheck={false} value={draft.ticket} aria-invalid={issues.ticket ? true : undefined}
              placeholder={draft.channel === 'hotline_12345' ? '12345-20261205-0042' : draft.channel === 'police_110' ? '110-20261205-0187' : ''}
              onChange={(e) => set({ ticket: e.target.value })}
            />
            <FieldIssue reason={issues.ticket} />
          </label>
          <label className="field kind">
            <span>事项类别<em className="req">*</em></span>
            <select name="kind" value={draft.kind} aria-invalid={issues.kind ? true : undefined} onChange={(e) => set({ kind: e.target.value })}>
              <option value="">请选择</option>
              <optgroup label="矛盾纠纷">
                {DisputeKind.options.map((k) => <option key={k} value={k}>{kindLabel({ category: 'dispute', kind: k })}</option>)}
              </optgroup>
              <optgroup label="安全隐患">
                {HazardKind.options.map((k) => <option key={k} value={k}>{kindLabel({ category: 'hazard', kind: k })}</option>)}
              </optgroup>
            </select>
            <FieldIssue reason={issues.kind} />
          </label>
        </div>

        <PlaceField
          address={draft.address} point={draft.point} locality={locality} issue={issues.location ?? issues.address}
          onAddress={(address) => set({ address })} onChoose={onChoosePlace}
        />

        <label className="field">
          <span>来电内容<em className="req">*</em> <span className="hint-key">Shift+Enter 换行</span></span>
          <textarea
            name="description" rows={5} value={draft.description} aria-invalid={issues.description ? true : undefined}
            placeholder="群众反映的事项、诉求，涉及的人和事" onKeyDown={enterFiles} onChange={(e) => set({ description: e.target.value })}
          />
          <FieldIssue reason={issues.description} />
        </label>

        <div className="row">
          <label className="field">
            <span>来电人<em className="req">*</em></span>
            <input name="callerName" type="text" autoComplete="off" value={draft.name} aria-invalid={issues['caller.name'] ? true : undefined}
              placeholder="姓名或称呼，如 王女士" onChange={(e) => set({ name: e.target.value })} />
            <FieldIssue reason={issues['caller.name']} />
          </label>
          <label className="field">
            <span>联系电话</span>
            <input name="phone" type="tel" autoComplete="off" inputMode="tel" value={draft.phone} aria-invalid={issues['caller.phone'] ? true : undefined}
              placeholder="13904561234" onChange={(e) => set({ phone: e.target.value })} />
            <FieldIssue reason={issues['caller.phone']} />
          </label>
        </div>

        {merging && (
          <p className="merging" data-testid="merging" data-case-id={merging.case.id}>
            并案：本次来电将并入 <b>{merging.case.code}</b> {kindLabel(merging.case)} · {labels.caseState[merging.case.state]}
            <button type="button" onClick={onCancelMerge}>取消并案 <kbd>Esc</kbd></button>
          </p>
        )}
        {failure && <p className="notice error" role="alert" data-testid="intake-failure">{failure}</p>}
        <div className="submit-row">
          <button type="submit" className={`primary${merging ? ' merge' : ''}`} data-testid="file">
            {busy ? '正在提交…' : merging ? `并入 ${merging.case.code}` : '立案受理'} <kbd>Enter</kbd>
          </button>
        </div>
      </fieldset>
    </form>
  )
}
