import { type AnswerChannel, type LoopStep, type Satisfaction, type SendBackReason, StepRequest } from '../../../contract'
import { reasonText } from '../ui/errorText'

/** What a step's form holds before it is sent: every choice unset, none assumed (an outcome is never a default). */
export type StepDraft = {
  note: string
  lead: string
  assisting: string[]
  grid: string
  reason: SendBackReason | ''
  channel: AnswerChannel | ''
  accepted: boolean | null
  resolved: boolean | null
  satisfaction: Satisfaction | ''
}

export const EMPTY_DRAFT: StepDraft = {
  note: '', lead: '', assisting: [], grid: '', reason: '', channel: '', accepted: null, resolved: null, satisfaction: '',
}

export type DraftField = Exclude<keyof StepDraft, 'note'>

/** The choices each step's form asks for besides its note: what the contract's `StepRequest` needs of it. */
export const STEP_FIELDS: Record<LoopStep, readonly DraftField[]> = {
  collect: [], sign_for: [], verify: [], handle: [], report_up: [], supervise: [], feed_back: [],
  dispatch: ['grid'], route: ['lead', 'assisting'], send_back: ['reason'], check: ['accepted'], answer: ['channel'],
  close: ['resolved', 'satisfaction'], follow_up: ['satisfaction'],
}

/** Steps that cannot be taken back (the case leaves, or its outcome is recorded): confirmed with a summary first. */
export const CONFIRMED: ReadonlySet<LoopStep> = new Set(['close', 'send_back', 'route', 'dispatch', 'report_up', 'check'])

export type StepIssues = Partial<Record<keyof StepDraft, string>>
export type Checked = { ok: true; body: StepRequest } | { ok: false; issues: StepIssues }

/** What a person reads for a field the contract refused, by field (and, for the note, by step). */
function issueText(field: keyof StepDraft, step: LoopStep, message: string): string {
  switch (field) {
    case 'lead': return '请选择牵头部门'
    case 'assisting': return '配合部门每个只选一次、不能是牵头部门，最多 5 个'
    case 'grid': return '请选择派往的网格'
    case 'reason': return '请选择退回原因'
    case 'channel': return '请选择答复方式'
    case 'accepted': return '请选择审核结论'
    case 'resolved': return '请选择是否化解'
    // Given but refused: a follow-up that reached nobody (未回访) records nothing.
    case 'satisfaction': return message.includes('required') ? '请选择群众满意度' : '回访须记录群众的评价'
    case 'note':
      if (step === 'send_back') return '退回原因为“其他”时，请写明理由'
      if (step === 'answer') return '请写明答复群众的内容'
      return message.includes('at most') ? '说明不超过 500 字' : reasonText(message)
  }
}

/**
 * The request for `step` from the form's draft, checked by the contract's own schema (the server's check),
 * or what is missing, by field, in words a person reads. Only the step's own choices are sent.
 */
export function checkStep(step: LoopStep, d: StepDraft): Checked {
  const fields = STEP_FIELDS[step]
  const has = (f: DraftField) => fields.includes(f)
  const body = {
    step,
    note: d.note,
    ...(has('lead') && d.lead ? { lead: d.lead } : {}),
    ...(has('assisting') && d.assisting.length ? { assisting: d.assisting } : {}),
    ...(has('grid') && d.grid ? { grid: d.grid } : {}),
    ...(has('reason') && d.reason ? { reason: d.reason } : {}),
    ...(has('channel') && d.channel ? { channel: d.channel } : {}),
    ...(has('accepted') && d.accepted !== null ? { accepted: d.accepted } : {}),
    ...(has('resolved') && d.resolved !== null ? { resolved: d.resolved } : {}),
    ...(has('satisfaction') && d.satisfaction ? { satisfaction: d.satisfaction } : {}),
  }
  const parsed = StepRequest.safeParse(body)
  if (parsed.success) return { ok: true, body }
  const issues: StepIssues = {}
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'note') as keyof StepDraft
    issues[field] ??= issueText(field in EMPTY_DRAFT ? field : 'note', step, issue.message)
  }
  return { ok: false, issues }
}
