import { useEffect, useState } from 'react'
import { z } from 'zod'
import { CaseSummary } from '../../../contract'
import { fetchJson } from '../api/fetchJson'

const Cases = z.array(CaseSummary)

/** At most this many open cases on the seat's map: the most pressing first, as the server orders them. */
const LIMIT = 1000

/**
 * The open cases of the account's scope (`GET /api/v1/cases?state=open`), for the map round the report's point;
 * read again when `again` moves (after a filing). A failed read leaves the map without them, the form unaffected.
 */
export function useOpenCases(again: number): ReadonlyMap<number, CaseSummary> {
  const [cases, setCases] = useState<ReadonlyMap<number, CaseSummary>>(new Map())
  useEffect(() => {
    let stopped = false
    fetchJson(`/api/v1/cases?state=open&limit=${LIMIT}`, Cases).then(
      (list) => !stopped && setCases(new Map(list.map((c) => [c.id, c]))),
      () => {},
    )
    return () => void (stopped = true)
  }, [again])
  return cases
}
