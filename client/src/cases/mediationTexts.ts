import { labels, type Mediation, type MediationOutcome } from '../../../contract'
import { ApiError } from '../api/fetchJson'
import { count } from '../ui/format'
import { errorText, issueText, reasonText as anyReasonText } from '../ui/errorText'

/** The fields of the mediation requests, as their forms name them. */
export const MEDIATION_FIELD = {
  bodyId: '调解组织', kind: '调解类型', mode: '调解方式', note: '说明',
  sessions: '调解次数', outcome: '调解结果', amountYuan: '协议金额', confirmedAt: '司法确认日期',
} as const
export type MediationFormField = keyof typeof MEDIATION_FIELD
export type MediationIssues = Partial<Record<MediationFormField, string>>

/** The contract's and the server's reasons a person reads, by the start of the English one. */
const REASONS: [RegExp, string][] = [
  [/^must be the id of a mediation body/, '请选择调解组织'],
  [/^no mediation body/, '没有这个调解组织'],
  [/where case \d+ does not lie/, '该组织不服务本案所在区域'],
  [/does not take/, '该组织不受理此类纠纷'],
  [/^is before the mediation ended/, '早于调解结束的时间'],
  [/^is in the future/, '不能晚于今天'],
  [/^is recorded with an outcome/, '须与调解结果一同记录'],
  [/^is required with an outcome/, '记录调解结果时必填'],
  [/^only an agreement settles an amount/, '未达成协议的调解没有协议金额'],
  [/^give an outcome/, '请选择调解结果'],
  [/^must be at least 1/, '至少 1 次'],
  [/^must be at most 99/, '至多 99 次'],
  [/^must be a whole number/, '须为整数'],
  [/^must not be negative/, '不能为负数'],
  [/^must have at most two decimals/, '最多到分（两位小数）'],
  [/^must be at most 100,000,000,000/, '不能超过 1000 亿元'],
  [/^must be a number of yuan/, '须为金额（元）'],
  [/^must be at most \d+ characters/, '不超过 500 字'],
  [/^must be an ISO 8601 date-time/, '请选择日期'],
  [/^Invalid option|^Invalid input/, '请选择'],
]

/** A refused field's reason in words a person reads; one the list does not know is put as any field's would be. */
export const reasonText = (reason: string) => REASONS.find(([re]) => re.test(reason))?.[1] ?? anyReasonText(reason)

/** The issues of a contract's refusal or a 400, by the form's fields; any other field's is named in `other`. */
export function issuesOf(issues: readonly { field: string; reason: string }[]): { byField: MediationIssues; other: string[] } {
  const byField: MediationIssues = {}
  const other: string[] = []
  for (const { field, reason } of issues) {
    if (field in MEDIATION_FIELD) byField[field as MediationFormField] ??= reasonText(reason)
    else other.push(issueText({ field, reason }))
  }
  return { byField, other }
}

/** What a refused write says when it is not about one field: the case's or the mediation's state (409), or the failure as it came. */
export function refusalText(e: unknown): string {
  if (!(e instanceof ApiError)) return errorText(e)
  switch (e.code) {
    case 'mediation_open': return '本案已有进行中的调解，请先记录其调解结果'
    case 'case_closed': return '案件已结案，不能再移交调解'
    case 'not_a_dispute': return '只有矛盾纠纷可以移交调解'
    case 'mediation_ended': return '这次调解的结果已经记录'
    case 'not_an_agreement': return '只有达成的调解协议可以司法确认'
    case 'already_confirmed': return '这份调解协议已经司法确认'
    default: return errorText(e)
  }
}

/** `12,000 元`, fen shown only when there are any. */
export const yuan = (n: number) => `${Number.isInteger(n) ? count(n) : n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`

/** What a recorded outcome says, for the confirmation before it is sent and the notice after. */
export function outcomeText(r: { sessions?: number | undefined; outcome?: MediationOutcome | null | undefined; amountYuan?: number | null | undefined }, m: Pick<Mediation, 'bodyName'>): string {
  const amount = r.amountYuan == null ? '' : `，协议金额 ${yuan(r.amountYuan)}`
  return `${m.bodyName}调解 ${r.sessions ?? 0} 次，${r.outcome ? labels.mediationOutcome[r.outcome] : ''}${amount}`
}
