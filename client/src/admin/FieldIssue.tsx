import type { ApiIssue } from '../../../contract'
import { reasonText } from '../ui/errorText'

/** Each field's first reason in Chinese, by the path the contract and the server name it with (`name`, `3.signHours`). */
export function byField(issues: readonly ApiIssue[]): ReadonlyMap<string, string> {
  const reasons = new Map<string, string>()
  for (const { field, reason } of issues) if (!reasons.has(field)) reasons.set(field, reasonText(reason))
  return reasons
}

/** Why a field's input is refused, under it; nothing while it is not. */
export function FieldIssue({ reason }: { reason: string | undefined }) {
  return reason ? <span className="field-issue" role="alert">{reason}</span> : null
}
