import { z } from 'zod'
import { CaseSummary, type Room } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import { type CaseRead, type CaseRoom, useCaseRoom } from '../cases/useCaseRoom'
import type { Connection } from '../live/useLive'

const Cases = z.array(CaseSummary)

/** The most the list route gives at once: a city's open cases are some hundreds. */
const LIMIT = 1000

const readOpen = async (): Promise<CaseRead> => ({
  cases: await fetchJson(`/api/v1/cases?${new URLSearchParams({ state: 'open', limit: String(LIMIT) })}`, Cases),
  at: new Date().toISOString(),
})
const isOpen = (c: CaseSummary) => c.state !== 'closed'

/**
 * The open cases of the account's scope (`GET /api/v1/cases?state=open`), kept live through `room` (the city's, or
 * the scope's own): each case the room streams is put in while open and taken out once closed, so the city's
 * stream of patrols and cameras costs no read. Null `room` reads nothing.
 */
export function useOpenCases(room: Room | null): { status: CaseRoom; connection: Connection; reload: () => void } {
  const { status, connection, reload } = useCaseRoom({ room, read: room ? readOpen : null, keeps: isOpen })
  return { status, connection, reload }
}
