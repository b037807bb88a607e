import type { Period, PeriodKind } from '../contract/figures'

/**
 * The periods figures are read for, in Beijing days (UTC+8, no daylight saving): which days a period
 * holds, the instants that bound it, and the periods it is compared with (同比, 环比).
 */

const DAY = 86_400_000
const QUARTERS = ['一', '二', '三', '四'] as const

/** A date as days since 1970-01-01, and back: calendar arithmetic without time zones. */
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY
const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10)
const parts = (date: string) => date.split('-').map(Number) as [number, number, number]
const pad = (n: number) => String(n).padStart(2, '0')
/** The last day of a month (month 1–12; 13 is next January's month 1 of the next year, and so on). */
const lastOfMonth = (y: number, m: number) => dateOf(dayNumber(`${y + Math.floor(m / 12)}-${pad((m % 12) + 1)}-01`) - 1)

/** The Beijing date an instant falls on. */
export const beijingDate = (t: Date): string => new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

/** The instant a Beijing date begins. */
export const beijingStart = (date: string): Date => new Date(`${date}T00:00:00+08:00`)

/** What to read: a kind and a day inside it, or a range's first and last day. */
export type PeriodAsked = { period: PeriodKind; at?: string | undefined; from?: string | undefined; to?: string | undefined }

/** The period asked for, `today` standing in for a missing `at`. */
export function periodOf(asked: PeriodAsked, today: string): Period {
  const at = asked.at ?? today
  const [y, m] = parts(at)
  switch (asked.period) {
    case 'day':
      return named('day', at, at)
    case 'week': {
      // ISO weeks begin on Monday; 1970-01-01 was a Thursday.
      const monday = dayNumber(at) - ((dayNumber(at) + 3) % 7)
      return named('week', dateOf(monday), dateOf(monday + 6))
    }
    case 'month':
      return named('month', `${y}-${pad(m)}-01`, lastOfMonth(y, m))
    case 'quarter': {
      const first = m - ((m - 1) % 3)
      return named('quarter', `${y}-${pad(first)}-01`, lastOfMonth(y, first + 2))
    }
    case 'year':
      return named('year', `${y}-01-01`, `${y}-12-31`)
    case 'range':
      return named('range', asked.from!, asked.to!)
  }
}

/** The same period a year before (同比): the same month, quarter or year; the same dates for a day, week or range (29 February → 28th). */
export function lastYearOf(p: Period): Period {
  const back = (date: string) => {
    const [y, m, d] = parts(date)
    return `${y - 1}-${pad(m)}-${pad(Math.min(d, Number(lastOfMonth(y - 1, m).slice(8))))}`
  }
  if (p.kind === 'week') return periodOf({ period: 'week', at: back(p.from) }, p.from)
  if (p.kind === 'day' || p.kind === 'range') return named(p.kind, back(p.from), back(p.to))
  return periodOf({ period: p.kind, at: back(p.from) }, p.from)
}

/** The period just before (环比): the day, week, month, quarter or year before, or as many days just before a range. */
export function previousOf(p: Period): Period {
  const before = dateOf(dayNumber(p.from) - 1)
  if (p.kind !== 'range') return periodOf({ period: p.kind, at: before }, before)
  const days = dayNumber(p.to) - dayNumber(p.from)
  return named('range', dateOf(dayNumber(before) - days), before)
}

/** The instants that bound a period: from its first day's start up to (not including) the start of the day after its last. */
export function boundsOf(p: Period): { from: Date; to: Date } {
  return { from: beijingStart(p.from), to: beijingStart(dateOf(dayNumber(p.to) + 1)) }
}

function named(kind: PeriodKind, from: string, to: string): Period {
  const [y, m, d] = parts(from)
  const [y2, m2, d2] = parts(to)
  const label = {
    day: `${y}年${m}月${d}日`,
    week: `${y}年${m}月${d}日—${y2 === y ? '' : `${y2}年`}${m2}月${d2}日`,
    month: `${y}年${m}月`,
    quarter: `${y}年第${QUARTERS[(m - 1) / 3]}季度`,
    year: `${y}年`,
    range: `${y}年${m}月${d}日至${y2}年${m2}月${d2}日`,
  }[kind]
  return { kind, from, to, label }
}
