import { useCallback, useEffect, useRef, useState } from 'react'
import { type CaseSummary, Inbox, type Room } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import type { Connection } from '../live/useLive'
import { useRoomReload } from '../live/useRoomReload'
import { errorText } from '../ui/format'

export type InboxStatus =
  | { kind: 'loading' }
  | { kind: 'ready'; cases: CaseSummary[]; at: string }
  /** `cases`: the inbox last read, kept on screen while a read fails. */
  | { kind: 'failed'; message: string; cases: CaseSummary[] | null }

/**
 * The desk's inbox (`GET /api/v1/desk/inbox`), read again on every burst of changes in the account's home
 * `room`. `onArrive` hears of the cases that were not in the inbox the read before (not of the first read):
 * a case reported up, dispatched, routed or sent back to this desk, or moved up to it by the platform.
 */
export function useInbox(room: Room | null, onArrive: (ids: number[]) => void): { status: InboxStatus; connection: Connection; reload: () => void } {
  const [status, setStatus] = useState<InboxStatus>({ kind: 'loading' })
  const known = useRef<Set<number> | null>(null)
  const asked = useRef(0)
  const arrive = useRef(onArrive)
  arrive.current = onArrive

  const reload = useCallback(() => {
    // Reads may answer out of order: only the latest one asked for is shown.
    const n = ++asked.current
    fetchJson('/api/v1/desk/inbox', Inbox).then(
      (inbox) => {
        if (n !== asked.current) return
        const ids = new Set(inbox.cases.map((c) => c.id))
        const before = known.current
        known.current = ids
        setStatus({ kind: 'ready', cases: inbox.cases, at: inbox.at })
        const arrived = before ? [...ids].filter((id) => !before.has(id)) : []
        if (arrived.length) arrive.current(arrived)
      },
      (e: unknown) => n === asked.current && setStatus((s) => ({ kind: 'failed', message: errorText(e), cases: s.kind === 'ready' ? s.cases : s.kind === 'failed' ? s.cases : null })),
    )
  }, [])
  useEffect(reload, [reload])
  const connection = useRoomReload(room, reload)
  return { status, connection, reload }
}
