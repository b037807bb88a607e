import { useCallback, useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { CaseSummary, type Change, HazardKind, type Room } from '../../../contract'
import { awaitsAcknowledgement } from '../../../domain/acknowledgement'
import { isUrgent } from '../../../domain/triage'
import { fetchJson } from '../api/fetchJson'
import type { Connection } from '../live/useLive'
import { useRoom } from '../live/useRoom'
import { errorText } from '../ui/errorText'

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
 * The open urgent hazards of the account's scope whose alarm nobody has acknowledged yet, kept live through `room`:
 * each case the room streams goes in or out by `awaitsAcknowledgement`, so one acknowledged at another desk, or
 * closed, goes at once. Read afresh on every (re)connect. `applied` takes the case an acknowledgement returned.
 */
export function useUrgentHazards(room: Room | null): { status: UrgentHazards; connection: Connection; applied: (c: CaseSummary) => void } {
  const [status, setStatus] = useState<UrgentHazards>({ kind: 'loading' })
  const held = useRef<Map<number, CaseSummary> | null>(null)
  // Cases that changed while a read was under way: applied on top of what it brings.
  const pending = useRef<CaseSummary[]>([])
  const asked = useRef(0)

  const apply = useCallback((cases: readonly CaseSummary[]) => {
    const byId = held.current
    if (!byId) return void pending.current.push(...cases)
    for (const c of cases) {
      const had = byId.get(c.id)
      if (had && had.version >= c.version) continue
      if (awaitsAcknowledgement(c)) byId.set(c.id, c)
      else byId.delete(c.id)
    }
    setStatus({ kind: 'ready', cases: [...byId.values()].sort(newestFirst) })
  }, [])

  const reload = useCallback(() => {
    if (!room) return
    // Reads may answer out of order: only the latest one asked for is kept.
    const n = ++asked.current
    held.current = null
    const reads = URGENT_KINDS.map((kind) => fetchJson(`/api/v1/cases?${new URLSearchParams({ state: 'open', kind, limit: String(LIMIT) })}`, Cases))
    Promise.all(reads).then(
      (lists) => {
        if (n !== asked.current) return
        held.current = new Map(lists.flat().filter((c) => awaitsAcknowledgement(c)).map((c) => [c.id, c]))
        setStatus({ kind: 'ready', cases: [...held.current.values()].sort(newestFirst) })
        const missed = pending.current.splice(0)
        if (missed.length) apply(missed)
      },
      (e: unknown) => n === asked.current && setStatus((s) => ({ kind: 'failed', message: errorText(e), cases: s.kind === 'loading' ? [] : s.cases })),
    )
  }, [room, apply])
  useEffect(reload, [reload])

  const onChanges = useCallback((changes: Change[]) => {
    // Told nothing on a (re)connect or a frame that did not parse: what was missed is read afresh.
    if (changes.length === 0) return reload()
    const cases = changes.flatMap((c) => (c.entity === 'case' ? [c.data] : []))
    if (cases.length) apply(cases)
  }, [reload, apply])
  const connection = useRoom(room, onChanges)
  const applied = useCallback((c: CaseSummary) => apply([c]), [apply])
  return { status, connection, applied }
}
