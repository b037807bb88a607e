import { useCallback, useMemo } from 'react'
import { type CaseSummary, Inbox, type Room } from '../../../contract'
import { byTimeLeft, type InboxOf, inInbox } from '../../../domain/inbox'
import { fetchJson } from '../api/fetchJson'
import { useCaseRoom } from '../cases/useCaseRoom'
import type { Connection } from '../live/useLive'

export type InboxStatus =
  | { kind: 'loading' }
  /** `at`: when the inbox last changed, read or applied. */
  | { kind: 'ready'; cases: CaseSummary[]; at: string }
  /** `cases`: the inbox last read, kept on screen while a read fails. */
  | { kind: 'failed'; message: string; cases: CaseSummary[] | null }

const readInbox = () => fetchJson('/api/v1/desk/inbox', Inbox)
const sorted = (cases: ReadonlyMap<number, CaseSummary>) => [...cases.values()].sort(byTimeLeft)

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
  const keeps = useCallback((c: CaseSummary) => inInbox(c, of), [of])
  const { status: held, connection, reload, applied } = useCaseRoom({ room, read: readInbox, keeps, onArrive })
  const status = useMemo((): InboxStatus => (
    held.kind === 'ready' ? { kind: 'ready', cases: sorted(held.cases), at: held.at }
      : held.kind === 'failed' ? { kind: 'failed', message: held.message, cases: held.cases && sorted(held.cases) }
        : held
  ), [held])
  return { status, connection, reload, applied }
}
