import { useCallback, useEffect, useState } from 'react'
import { z } from 'zod'
import { CaseSummary, type Room } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import type { Connection } from '../live/useLive'
import { errorText } from '../ui/errorText'
import { useRoomReload } from '../live/useRoomReload'
import { CLOSED_DAYS } from './useArea'

const Cases = z.array(CaseSummary)

export type DepartmentCases = { kind: 'loading' } | { kind: 'ready'; cases: CaseSummary[] } | { kind: 'failed'; message: string }

/**
 * The cases routed to a department's desk (the server lists a department's account only those), kept live
 * through the department's room; null `room` for any other desk, which reads nothing here.
 */
export function useDepartmentCases(room: Room | null): { status: DepartmentCases; connection: Connection; reload: () => void } {
  const [status, setStatus] = useState<DepartmentCases>({ kind: 'loading' })
  const reload = useCallback(() => {
    if (!room) return
    const q = new URLSearchParams({ closedDays: String(CLOSED_DAYS), limit: '1000' })
    fetchJson(`/api/v1/cases?${q}`, Cases).then((cases) => setStatus({ kind: 'ready', cases }), (e: unknown) => setStatus({ kind: 'failed', message: errorText(e) }))
  }, [room])
  useEffect(() => {
    reload()
  }, [reload])
  const connection = useRoomReload(room, reload)
  return { status, connection, reload }
}
