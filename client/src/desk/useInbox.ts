import { useCallback, useEffect, useRef, useState } from 'react'
import { type CaseSummary, type Change, Inbox, type Room } from '../../../contract'
import { byTimeLeft, type InboxOf, inInbox } from '../../../domain/inbox'
import { fetchJson } from '../api/fetchJson'
import type { Connection } from '../live/useLive'
import { useRoom } from '../live/useRoom'
import { errorText } from '../ui/errorText'

export type InboxStatus =
  | { kind: 'loading' }
  /** `at`: when the inbox last changed, read or applied. */
  | { kind: 'ready'; cases: CaseSummary[]; at: string }
  /** `cases`: the inbox last read, kept on screen while a read fails. */
  | { kind: 'failed'; message: string; cases: CaseSummary[] | null }

/**
 * The desk's inbox: read once (`GET /api/v1/desk/inbox`, and again after every reconnect), then kept by the
 * changes the account's home `room` streams, each case put in or taken out by the same rule the server
 * reads it with (`inInbox`), so a township's 2,000 cases are not read again for every step taken on one.
 * `applied` takes a case an action returned (a department that sent a case back hears no more of it).
 * `onArrive` hears of the cases that came in after the first read: reported up, dispatched, routed or
 * sent back to this desk, or moved up to it by the platform.
 */
export function useInbox(room: Room | null, of: InboxOf, onArrive: (ids: number[]) => void): {
  status: InboxStatus; connection: Connection; reload: () => void; applied: (c: CaseSummary) => void
} {
  const [status, setStatus] = useState<InboxStatus>({ kind: 'loading' })
  const held = useRef<Map<number, CaseSummary> | null>(null)
  // Changes that came while a read was under way: applied on top of what it brings.
  const pending = useRef<CaseSummary[]>([])
  const asked = useRef(0)
  const arrive = useRef(onArrive)
  arrive.current = onArrive
  const inbox = useRef(of)
  inbox.current = of

  const apply = useCallback((cases: readonly CaseSummary[]) => {
    const byId = held.current
    if (!byId) return void pending.current.push(...cases)
    const arrived: number[] = []
    for (const c of cases) {
      const had = byId.get(c.id)
      if (had && had.version >= c.version) continue
      if (inInbox(c, inbox.current)) {
        if (!had) arrived.push(c.id)
        byId.set(c.id, c)
      } else {
        byId.delete(c.id)
      }
    }
    setStatus({ kind: 'ready', cases: [...byId.values()].sort(byTimeLeft), at: new Date().toISOString() })
    if (arrived.length) arrive.current(arrived)
  }, [])

  const reload = useCallback(() => {
    // Reads may answer out of order: only the latest one asked for is shown.
    const n = ++asked.current
    held.current = null
    fetchJson('/api/v1/desk/inbox', Inbox).then(
      (read) => {
        if (n !== asked.current) return
        held.current = new Map(read.cases.map((c) => [c.id, c]))
        setStatus({ kind: 'ready', cases: read.cases, at: read.at })
        const missed = pending.current.splice(0)
        if (missed.length) apply(missed)
      },
      (e: unknown) => n === asked.current && setStatus((s) => ({ kind: 'failed', message: errorText(e), cases: s.kind === 'ready' ? s.cases : s.kind === 'failed' ? s.cases : null })),
    )
  }, [apply])
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
