import { useEffect, useState } from 'react'
import { Figures, type RankedUnit, Rankings } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import { errorText } from '../ui/errorText'
import { type ReportQuery, reportSearch } from './reportQuery'

/** The unit an area's ranking places: the areas one level down, as its figures are split (none below a community). */
const RANKED_BELOW: Partial<Record<string, RankedUnit>> = { city: 'township', township: 'community', community: 'grid' }

/** A report's reads: the figures, and the units one level down ranked now and in the same period last year. */
export type ReportData = { figures: Figures; rankings: Rankings | null; lastYear: Rankings | null }

export type ReportRead = { kind: 'loading' } | { kind: 'failed'; text: string } | { kind: 'ready'; data: ReportData }

/**
 * Reads a report's figures (`GET /api/v1/figures`), then its ranking and last year's (`GET /api/v1/rankings`),
 * whose unit depends on the area the figures name; the same reads again when the query changes.
 */
export function useReport({ period, at, area }: ReportQuery): ReportRead {
  const [read, setRead] = useState<ReportRead>({ kind: 'loading' })
  useEffect(() => {
    let stopped = false
    setRead({ kind: 'loading' })
    const load = async (): Promise<ReportData> => {
      const figures = await fetchJson(`/api/v1/figures${reportSearch({ period, at, area })}`, Figures)
      const unit = RANKED_BELOW[figures.area.level]
      if (!unit) return { figures, rankings: null, lastYear: null }
      const ranked = (day: string) => fetchJson(`/api/v1/rankings${reportSearch({ period, at: day, area: figures.area.code })}&unit=${unit}`, Rankings)
      const [rankings, lastYear] = await Promise.all([ranked(figures.period.current.from), ranked(figures.period.lastYear.from)])
      return { figures, rankings, lastYear }
    }
    load().then((data) => !stopped && setRead({ kind: 'ready', data }), (e: unknown) => !stopped && setRead({ kind: 'failed', text: errorText(e) }))
    return () => void (stopped = true)
  }, [period, at, area])
  return read
}
