import { type TickerItem, tickerKey } from '../live/ticker'

/** How long a line stays on the strip at the least once it is shown: long enough to be read from across the room. */
export const HOLD_MS = 20_000
/** The space between two lines, in ems of the ticker's type (see `.ticker`). */
export const LINE_GAP_EMS = 1.5

export type ShownLine = { item: TickerItem; key: string; since: number; ems: number }
/** The lines on the strip, newest first, and the items already dealt with (shown, or passed over as too old to show). */
export type TickerShown = { lines: readonly ShownLine[]; seen: ReadonlySet<string> }

export const noneShown: TickerShown = { lines: [], seen: new Set() }

/**
 * The strip after `items` (newest first) at `now` (ms epoch), in a room `roomEms` wide: a new item comes in
 * at the front as soon as it fits whole beside the lines shown, pushing out the oldest that have been shown
 * for `holdMs`; while it could only come in by cutting one short, it waits (and those after it, in order).
 * Of a burst more than the strip holds, only the newest that fit are shown: the older ones would be stale
 * by their turn. A line is never cut: what does not fit whole is not shown. `emsOf`: an item's width in ems.
 * The same state when nothing changed.
 */
export function nextShown(
  state: TickerShown, items: readonly TickerItem[], now: number, roomEms: number, emsOf: (item: TickerItem) => number, holdMs = HOLD_MS,
): TickerShown {
  if (roomEms <= 0) return state
  const unseen = items.filter((i) => !state.seen.has(tickerKey(i)))
  if (unseen.length === 0) return state
  const width = (i: TickerItem) => emsOf(i) + LINE_GAP_EMS
  const candidates: TickerItem[] = []
  let total = 0
  for (const item of unseen) {
    if (total + width(item) > roomEms) break
    total += width(item)
    candidates.push(item)
  }
  const lines = [...state.lines]
  const used = () => lines.reduce((w, l) => w + l.ems, 0)
  const waiting = new Set<string>()
  for (const item of candidates.reverse()) {
    const ems = width(item)
    while (used() + ems > roomEms && lines.length > 0 && now - lines.at(-1)!.since >= holdMs) lines.pop()
    if (waiting.size > 0 || used() + ems > roomEms) {
      waiting.add(tickerKey(item))
      continue
    }
    lines.unshift({ item, key: tickerKey(item), since: now, ems })
  }
  const seen = new Set(items.map(tickerKey).filter((k) => !waiting.has(k)))
  return { lines, seen }
}
