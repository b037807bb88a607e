import { useLayoutEffect, useRef, useState } from 'react'
import type { TickerItem } from '../live/ticker'
import { COLOR, cssColor, type Rgba } from '../map/style/colors'
import { HOLD_MS, nextShown, noneShown } from './tickerHold'
import { lineEms, tickerLine } from './tickerLine'

/** The colour of what happened: a new report in its category's colour, overdue red, moved up white (as on the map). */
const verbColour = (item: TickerItem): Rgba | null =>
  item.type === 'reported' ? COLOR[item.category] : item.type === 'overdue' ? COLOR.overdue : item.type === 'escalated' ? COLOR.escalated : null

/**
 * The latest case events, newest first: new reports, cases moved up or run over their time, cases closed,
 * answers gone back to the channels they came by (回告). Each line whole (what and where large, when and
 * the code below), as many as fit; a line stays at least `HOLD_MS` once shown, and a new one waits while
 * it could only come in by pushing out one shown for less. Places by township and community, never a
 * person. Cameras are not here: the camera panel sums them. `now` (ms epoch) moves the lines on.
 */
export function Ticker({ items, names, now }: { items: readonly TickerItem[]; names: ReadonlyMap<string, string>; now: number }) {
  const strip = useRef<HTMLOListElement>(null)
  const [roomEms, setRoomEms] = useState(0)
  useLayoutEffect(() => {
    const ol = strip.current!
    const measure = () => {
      const style = getComputedStyle(ol)
      setRoomEms((ol.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)) / parseFloat(style.fontSize))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(ol)
    return () => observer.disconnect()
  }, [])
  // The strip's state follows every render (a new item, the clock's second): a pure step from the last.
  const shown = useRef(noneShown)
  shown.current = nextShown(shown.current, items, now, roomEms, (i) => lineEms(tickerLine(i, names)))

  return (
    <ol ref={strip} className="ticker" data-testid="ticker" data-hold-seconds={HOLD_MS / 1000} aria-live="polite">
      {shown.current.lines.map(({ item, key, since }) => {
        const l = tickerLine(item, names)
        const colour = verbColour(item)
        return (
          <li key={key} className={`ticker-item ${item.type}`} data-type={item.type} data-since={since}>
            <span className="what">
              <b style={colour ? { color: cssColor(colour) } : undefined}>{l.verb}</b>
              <span>{l.what}</span>
              {l.mark && <i className="level-mark">{l.mark}</i>}
              <span className="where">{l.where}</span>
            </span>
            <span className="when">
              <time>{l.time}</time>
              <span className="code">{l.code}</span>
            </span>
          </li>
        )
      })}
    </ol>
  )
}
