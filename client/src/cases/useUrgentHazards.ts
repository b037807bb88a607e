import { useCallback, useMemo } from 'react'
import { z } from 'zod'
import { CaseSummary, HazardKind, type Room } from '../../../contract'
import { awaitsAcknowledgement } from '../../../domain/acknowledgement'
import { isUrgent } from '../../../domain/triage'
import { fetchJson } from '../api/fetchJson'
import type { Connection } from '../live/useLive'
import { type CaseRead, useCaseRoom } from './useCaseRoom'

const Cases = z.array(CaseSummary)

/** The kinds whose alarm waits for a desk: read kind by kind, so an alarm is never past the list's limit among other cases. */
const URGENT_KINDS = HazardKind.options.filter((kind) => isUrgent({ category: 'hazard', kind }))
const LIMIT = 1000

export type UrgentHazards =
  | { kind: 'loading' }
  | { kind: 'ready'; cases: CaseSummary[] }
  /** `cases`: the alarms last read, kept on screen while a read fails. */
  | { kind: 'failed'; message: string; cases: CaseSummary[] }

/** Newest first: the alarm that just came is the one on top. */
const newestFirst = (a: CaseSummary, b: CaseSummary) => Date.parse(b.reportedAt) - Date.parse(a.reportedAt)

/**
 * The open urgent hazards of the account's scope whose alarm nobody has acknowledged yet, kept live through `room`
 * (a case room: each case the room streams goes in or out by `awaitsAcknowledgement`, so one acknowledged at
 * another desk, or closed, goes at once). Read afresh on every (re)connect. `applied` takes the case an
 * acknowledgement returned.
 */
export function useUrgentHazards(room: Room | null): { status: UrgentHazards; connection: Connection; applied: (c: CaseSummary) => void } {
  const readAll = useCallback(async (): Promise<CaseRead> => {
    const lists = await Promise.all(URGENT_KINDS.map((kind) =>
      fetchJson(`/api/v1/cases?${new URLSearchParams({ state: 'open', kind, limit: String(LIMIT) })}`, Cases)))
    return { cases: lists.flat().filter((c) => awaitsAcknowledgement(c)), at: new Date().toISOString() }
  }, [])
  const { status: held, connection, applied } = useCaseRoom({ room, read: room ? readAll : null, keeps: (c) => awaitsAcknowledgement(c) })
  const status = useMemo((): UrgentHazards => {
    if (held.kind === 'loading') return held
    const cases = [...(held.cases?.values() ?? [])].sort(newestFirst)
    return held.kind === 'ready' ? { kind: 'ready', cases } : { kind: 'failed', message: held.message, cases }
  }, [held])
  return { status, connection, applied }
}
