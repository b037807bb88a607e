import { useCallback, useRef, useState } from 'react'
import type { IntakeResult, SimilarCase } from '../../../contract'
import { fileReport } from './fileReport'
import { checkIntake, emptyDraft, type IntakeDraft, type IntakeIssues } from './intakeDraft'

/** An idempotency key for one call: 128 random bits (`crypto.randomUUID` needs https, and a seat may be on plain http inside the centre). */
function newKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export type Call = {
  draft: IntakeDraft
  set: (patch: Partial<IntakeDraft>) => void
  issues: IntakeIssues
  /** The case the report will join instead of a new one; null: a new case. */
  merging: SimilarCase | null
  mergeInto: (s: SimilarCase | null) => void
  busy: boolean
  failure: string | null
  /** Checks the draft as the contract does and files it; the result once filed (the form then cleared), else null. */
  file: () => Promise<IntakeResult | null>
  /** Clears the form for the next call, keeping the channel. */
  clear: () => void
}

/**
 * The call the seat is taking: what is typed, what is refused and why (at its field, in Chinese), the case it may
 * join, and filing it once (`POST /api/v1/intake` under the call's idempotency key, so a resend after a lost answer
 * files nothing twice).
 */
export function useCall(): Call {
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyDraft())
  const [issues, setIssues] = useState<IntakeIssues>({})
  const [merging, setMerging] = useState<SimilarCase | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const key = useRef(newKey())

  const set = useCallback((patch: Partial<IntakeDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setIssues((i) => (Object.keys(i).length ? {} : i))
    setFailure(null)
  }, [])
  const mergeInto = useCallback((s: SimilarCase | null) => {
    setMerging(s)
    setFailure(null)
  }, [])
  const clear = useCallback(() => {
    setDraft((d) => emptyDraft(d.channel))
    setMerging(null)
    setIssues({})
    setFailure(null)
    key.current = newKey()
  }, [])

  const file = async (): Promise<IntakeResult | null> => {
    if (busy) return null
    const checked = checkIntake(draft, merging?.case.id ?? null)
    if (!checked.ok) {
      setIssues(checked.issues)
      return null
    }
    setBusy(true)
    const outcome = await fileReport(checked.body, key.current, draft.channel)
    setBusy(false)
    if (!outcome.ok) {
      setIssues(outcome.issues)
      setFailure(outcome.failure)
      return null
    }
    clear()
    return outcome.result
  }

  return { draft, set, issues, merging, mergeInto, busy, failure, file, clear }
}
