import { useCallback, useEffect, useRef, useState } from 'react'
import type { CaseSummary, Change, Room } from '../../../contract'
import type { Connection } from '../live/useLive'
import { useRoom } from '../live/useRoom'
import { errorText } from '../ui/errorText'

/** What a read brings: the cases, and when the server read them (ISO). */
export type CaseRead = { cases: readonly CaseSummary[]; at: string }

export type CaseRoom =
  | { kind: 'loading' }
  /** `at`: when the cases last changed, read or applied. */
  | { kind: 'ready'; cases: ReadonlyMap<number, CaseSummary>; at: string }
  /** `cases`: those last read, kept on screen while a read fails. */
  | { kind: 'failed'; message: string; cases: ReadonlyMap<number, CaseSummary> | null }

/**
 * A set of cases read once (`read`: again after every reconnect, and on `reload`), then kept by the changes `room`
 * streams, each case put in while `keeps` holds for it and taken out once it does not: a step taken on one of a
 * township's 2,000 cases costs no read of them all. Changes that come while a read is under way are applied on
 * top of what it brings; of reads answering out of order, only the latest asked for is kept. `applied` takes a
 * case an action returned; `onArrive` hears of the cases that came in after the first read. Null `read`: nothing
 * is read.
 */
export function useCaseRoom({ room, read, keeps, onArrive }: {
  room: Room | null; read: (() => Promise<CaseRead>) | null; keeps: (c: CaseSummary) => boolean; onArrive?: (ids: number[]) => void
}): { status: CaseRoom; connection: Connection; reload: () => void; applied: (c: CaseSummary) => void } {
  const [status, setStatus] = useState<CaseRoom>({ kind: 'loading' })
  const held = useRef<Map<number, CaseSummary> | null>(null)
  const pending = useRef<CaseSummary[]>([])
  const asked = useRef(0)
  // The rule and the listener of the latest render, without making `apply` (and the reads after it) anew.
  const rule = useRef(keeps)
  rule.current = keeps
  const arrive = useRef(onArrive)
  arrive.current = onArrive

  const apply = useCallback((cases: readonly CaseSummary[]) => {
    const byId = held.current
    if (!byId) return void pending.current.push(...cases)
    const arrived: number[] = []
    for (const c of cases) {
      const had = byId.get(c.id)
      if (had && had.version >= c.version) continue
      if (rule.current(c)) {
        if (!had) arrived.push(c.id)
        byId.set(c.id, c)
      } else {
        byId.delete(c.id)
      }
    }
    setStatus({ kind: 'ready', cases: new Map(byId), at: new Date().toISOString() })
    if (arrived.length) arrive.current?.(arrived)
  }, [])

  const reload = useCallback(() => {
    if (!read) return
    const n = ++asked.current
    held.current = null
    read().then(
      (got) => {
        if (n !== asked.current) return
        held.current = new Map(got.cases.map((c) => [c.id, c]))
        setStatus({ kind: 'ready', cases: new Map(held.current), at: got.at })
        const missed = pending.current.splice(0)
        if (missed.length) apply(missed)
      },
      (e: unknown) => n === asked.current && setStatus((s) => ({ kind: 'failed', message: errorText(e), cases: s.kind === 'loading' ? null : s.cases })),
    )
  }, [read, apply])
  useEffect(reload, [reload])

  const onChanges = useCallback((changes: Change[]) => {
    // Told nothing on a (re)connect or a frame that did not parse: what was missed is read afresh.
    if (changes.length === 0) return reload()
    const cases = changes.flatMap((c) => (c.entity === 'case' ? [c.data] : []))
    if (cases.length) apply(cases)
  }, [reload, apply])
  const connection = useRoom(room, onChanges)
  const applied = useCallback((c: CaseSummary) => apply([c]), [apply])
  return { status, connection, reload, applied }
}
