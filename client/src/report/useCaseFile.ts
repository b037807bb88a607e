import { useEffect, useState } from 'react'
import { AreaProfile, CaseDetail, CaseMediations } from '../../../contract'
import { ApiError, fetchJson } from '../api/fetchJson'
import { errorText } from '../ui/errorText'

/** Where a case is, named: its grid, community and township. */
export type Place = { grid: string; community: string | null; township: string | null }

/**
 * What a case's file prints: the case, its place named (null when the reader may not read the grid's profile:
 * the codes stand in), and its mediations (null: none recorded, or mediation not served; `failed` otherwise).
 */
export type CaseFileData = { detail: CaseDetail; place: Place | null; mediations: CaseMediations | null | { failed: string } }

export type CaseFileRead = { kind: 'loading' } | { kind: 'failed'; text: string } | { kind: 'ready'; data: CaseFileData }

const PlaceNames = AreaProfile.pick({ name: true, parents: true })

async function placeOf(gridCode: string): Promise<Place | null> {
  try {
    const grid = await fetchJson(`/api/v1/areas/grid/${gridCode}`, PlaceNames)
    const named = (level: string) => grid.parents.find((p) => p.level === level)?.name ?? null
    return { grid: grid.name, community: named('community'), township: named('township') }
  } catch {
    return null
  }
}

async function mediationsOf(id: number): Promise<CaseFileData['mediations']> {
  try {
    return await fetchJson(`/api/v1/cases/${id}/mediations`, CaseMediations)
  } catch (e) {
    return e instanceof ApiError && e.status === 404 ? null : { failed: errorText(e) }
  }
}

/** Reads case `id` (`GET /api/v1/cases/:id`), then its place's names and its mediations side by side. */
export function useCaseFile(id: number): CaseFileRead {
  const [read, setRead] = useState<CaseFileRead>({ kind: 'loading' })
  useEffect(() => {
    let stopped = false
    const load = async (): Promise<CaseFileData> => {
      const detail = await fetchJson(`/api/v1/cases/${id}`, CaseDetail)
      const [place, mediations] = await Promise.all([placeOf(detail.gridCode), mediationsOf(id)])
      return { detail, place, mediations }
    }
    load().then((data) => !stopped && setRead({ kind: 'ready', data }), (e: unknown) => !stopped && setRead({ kind: 'failed', text: errorText(e) }))
    return () => void (stopped = true)
  }, [id])
  return read
}
