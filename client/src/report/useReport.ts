import { useEffect, useState } from 'react'
import { Figures, Rankings } from '../../../contract'
import { unitBelow } from '../../../domain/access'
import { fetchJson } from '../api/fetchJson'
import { errorText } from '../ui/errorText'
import { type ReportQuery, reportSearch } from './reportQuery'

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
      const unit = unitBelow(figures.area.level)
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
