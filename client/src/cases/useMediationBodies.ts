import { useEffect, useState } from 'react'
import { z } from 'zod'
import { MediationBody } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import { errorText } from '../ui/errorText'

const Bodies = z.array(MediationBody)

export type BodiesStatus = { kind: 'loading' } | { kind: 'ready'; bodies: MediationBody[] } | { kind: 'failed'; message: string }

/** Reads kept for the page, by area: the bodies change only when the store's list does, rarely; a failed read is tried again next time. */
const reads = new Map<string, Promise<MediationBody[]>>()

/**
 * The mediation bodies serving an area (`GET /api/v1/mediation-bodies?area=`): those of the regions in it and
 * of the regions it lies in; `area` '' asks for the account's own area. Null `area`: nothing is read.
 */
export function useMediationBodies(area: string | null): BodiesStatus | null {
  const [status, setStatus] = useState<{ area: string; status: BodiesStatus } | null>(null)
  useEffect(() => {
    if (area === null) return
    let stopped = false
    setStatus({ area, status: { kind: 'loading' } })
    let read = reads.get(area)
    if (!read) reads.set(area, (read = fetchJson(`/api/v1/mediation-bodies${area ? `?area=${area}` : ''}`, Bodies)))
    read.then(
      (bodies) => !stopped && setStatus({ area, status: { kind: 'ready', bodies } }),
      (e: unknown) => {
        reads.delete(area)
        if (!stopped) setStatus({ area, status: { kind: 'failed', message: errorText(e) } })
      },
    )
    return () => void (stopped = true)
  }, [area])
  // Until the effect has run for a new area, the last one's list is not shown as this one's.
  return area === null ? null : status?.area === area ? status.status : { kind: 'loading' }
}
