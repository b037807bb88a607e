import { IDEMPOTENCY_HEADER, type IntakeReport, IntakeResult, type SeatChannel } from '../../../contract'
import { ApiError, fetchJson } from '../api/fetchJson'
import { errorText } from '../ui/errorText'
import { fieldOf, type IntakeIssues, issueText, TICKET_NAME } from './intakeDraft'

export type Filed = { ok: true; result: IntakeResult } | { ok: false; issues: IntakeIssues; failure: string | null }

/**
 * `POST /api/v1/intake` with the call's idempotency key (a report sent again after a lost answer is filed once).
 * A refusal comes back by field where the server names one of the form's, in the seat's words; the rest, and any
 * other failure, as one line.
 */
export async function fileReport(body: IntakeReport, key: string, channel: SeatChannel): Promise<Filed> {
  try {
    const result = await fetchJson('/api/v1/intake', IntakeResult, {
      method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', [IDEMPOTENCY_HEADER]: key },
    })
    return { ok: true, result }
  } catch (e) {
    const issues: IntakeIssues = {}
    if (e instanceof ApiError && e.code === 'ticket_taken') {
      // The duplicates beside offer the case holding it (the same ticket), to merge into or open.
      const held = e.detail.existing
      return { ok: false, issues: { ticket: `该${TICKET_NAME[channel]}已受理${held ? `，案件 ${held.code}` : ''}：可在右侧并入该案` }, failure: null }
    }
    let unplaced = 0
    for (const issue of e instanceof ApiError ? e.issues : []) {
      const field = fieldOf(issue.field)
      if (field) issues[field] ??= issueText(issue.field, issue.reason, channel)
      else unplaced++
    }
    const named = Object.keys(issues).length > 0
    return { ok: false, issues, failure: named && unplaced === 0 ? null : `未能提交：${errorText(e, 'IntakeReport')}` }
  }
}
