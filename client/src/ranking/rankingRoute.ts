import { RankedUnit } from '../../../contract'
import { beijingDate, periodOf, previousOf } from '../../../domain/periods'

/** The periods the screen offers at a click: this month, last month, this quarter, this year. */
export const PRESETS = [['this_month', '本月'], ['last_month', '上月'], ['this_quarter', '本季度'], ['this_year', '本年']] as const
export type Preset = (typeof PRESETS)[number][0]

/** A period asked for: a preset, or a month picked (`2026-10`). */
export type PeriodChoice = { preset: Preset } | { month: string }

/** What the screen shows, kept in its address so that a link or a reload opens the same table: `/ranking?unit=grid&month=2026-10`. */
export type RankingView = { unit: RankedUnit; period: PeriodChoice }

const MONTH = /^(20\d{2})-(0[1-9]|1[0-2])$/

export function rankingView(search: string): RankingView {
  const q = new URLSearchParams(search)
  const unit = RankedUnit.safeParse(q.get('unit'))
  const month = q.get('month')
  const preset = PRESETS.find(([p]) => p === q.get('period'))?.[0]
  return {
    unit: unit.success ? unit.data : 'township',
    period: month && MONTH.test(month) ? { month } : { preset: preset ?? 'this_month' },
  }
}

export function rankingSearch({ unit, period }: RankingView): string {
  const q = new URLSearchParams({ unit, ...('month' in period ? { month: period.month } : { period: period.preset }) })
  return `?${q}`
}

/**
 * The query of `GET /api/v1/rankings` for a view. This month, quarter and year are the server's (no `at`:
 * its clock says which); last month is the one before this screen's today, in Beijing days.
 */
export function rankingsQuery({ unit, period }: RankingView, now: Date): URLSearchParams {
  if ('month' in period) return new URLSearchParams({ unit, period: 'month', at: `${period.month}-01` })
  switch (period.preset) {
    case 'this_month':
      return new URLSearchParams({ unit, period: 'month' })
    case 'last_month':
      return new URLSearchParams({ unit, period: 'month', at: previousOf(periodOf({ period: 'month' }, beijingDate(now))).from })
    case 'this_quarter':
      return new URLSearchParams({ unit, period: 'quarter' })
    case 'this_year':
      return new URLSearchParams({ unit, period: 'year' })
  }
}

/** The month a view's table covers, for the month picker (`2026-11`); null for a quarter or a year. */
export function monthShown({ period }: RankingView, now: Date): string | null {
  if ('month' in period) return period.month
  const today = beijingDate(now)
  if (period.preset === 'this_month') return today.slice(0, 7)
  if (period.preset === 'last_month') return previousOf(periodOf({ period: 'month' }, today)).from.slice(0, 7)
  return null
}
