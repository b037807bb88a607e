import { labels } from '../../../contract'
import { parentCode } from '../../../domain/access'
import type { TickerItem } from '../live/ticker'
import { LEVEL_MARK } from '../map/layers/caseLevelsLayer'
import { clockTime } from '../ui/format'

/** A ticker line in its parts: when (hh:mm), what happened, to what, where (township and community), the case's code. */
export type TickerLine = { time: string; verb: string; what: string; mark: string | null; where: string; code: string }

const kindLabel = (category: string, kind: string) =>
  (category === 'dispute' ? labels.disputeKind : labels.hazardKind)[kind as never] ?? kind

const VERB = { reported: '新报', overdue: '超期', closed: '结案' } as const

/** The words of a ticker item: places by name (township, then community), never a person. */
export function tickerLine(item: TickerItem, names: ReadonlyMap<string, string>): TickerLine {
  const community = parentCode(item.gridCode)
  const where = [names.get(item.townshipCode), community && names.get(community)].filter(Boolean).join(' ')
  const time = clockTime(Date.parse(item.at)).slice(0, 5)
  if (item.type === 'answered') {
    return { time, verb: '回告', what: `${labels.caseSource[item.channel]}${item.event === 'closed' ? '办结答复' : '答复'}已送达`, mark: null, where, code: item.caseCode }
  }
  return {
    time,
    verb: item.type === 'escalated' ? `上移至${labels.caseLevel[item.level]}` : VERB[item.type],
    what: kindLabel(item.category, item.kind),
    mark: item.type === 'escalated' && item.level !== 'grid' ? LEVEL_MARK[item.level] : null,
    where,
    code: item.caseCode,
  }
}

/** The size of the line's second row (time and code) to its first (see `.ticker-item .when`). */
export const WHEN_SIZE = 0.87
/** The gap between a row's parts, in ems of its type (see `.ticker-item`). */
export const PART_GAP_EMS = 0.4

/** A run of text's width in ems: a CJK character one em, anything else (digits, Latin, brackets) a little over half. */
const ems = (text: string) => [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.58), 0)
const row = (parts: string[]) => parts.reduce((w, p) => w + ems(p), 0) + (parts.length - 1) * PART_GAP_EMS

/** A line's width in ems of the ticker's type: its wider row, what happened and where over when and the code. */
export function lineEms(l: TickerLine): number {
  const what = row([l.verb, l.what, ...(l.mark ? [l.mark] : []), l.where]) + (l.mark ? 0.4 : 0)
  return Math.max(what, row([l.time, l.code]) * WHEN_SIZE)
}
