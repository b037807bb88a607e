import { labels } from '../../../contract'
import type { TickerItem } from '../live/ticker'
import { LEVEL_MARK } from '../map/layers/caseLevelsLayer'
import { clockTime } from '../ui/format'

/** How many of the latest events the strip shows. */
const SHOWN = 6

const kindLabel = (category: string, kind: string) =>
  (category === 'dispute' ? labels.disputeKind : labels.hazardKind)[kind as never] ?? kind

/**
 * The latest events, newest first: new reports, cases the platform moved up, cases closed, answers gone back
 * to the channels they came by, cameras going down or back. Places are named by grid and township, never a person.
 */
export function Ticker({ items, names }: { items: readonly TickerItem[]; names: ReadonlyMap<string, string> }) {
  return (
    <ol className="ticker" data-testid="ticker" aria-live="polite">
      {items.slice(0, SHOWN).map((item) => (
        <li key={item.seq} className={`ticker-item ${item.type}`} data-type={item.type}>
          <time>{clockTime(Date.parse(item.at))}</time>
          {item.type === 'camera' ? (
            <span>
              <b>{item.state === 'online' ? '恢复' : labels.cameraState[item.state]}</b> {labels.cameraClass[item.cameraClass]} {item.cameraCode}
              {item.townshipCode && <> · {names.get(item.townshipCode)}</>}
            </span>
          ) : item.type === 'answered' ? (
            <span>
              <b>回告</b> {labels.caseSource[item.channel]} {item.event === 'closed' ? '办结答复已送达' : '答复已送达'}
              {' · '}{names.get(item.townshipCode)}
              <span className="code"> {item.caseCode}</span>
            </span>
          ) : (
            <span>
              <b>{item.type === 'reported' ? '新报' : item.type === 'closed' ? '结案' : `上移至${labels.caseLevel[item.level]}`}</b>{' '}
              {kindLabel(item.category, item.kind)}
              {item.type === 'escalated' && item.level !== 'grid' && <i className="level-mark">{LEVEL_MARK[item.level]}</i>}
              {' · '}{names.get(item.townshipCode)} {names.get(item.gridCode)}
              <span className="code"> {item.caseCode}</span>
            </span>
          )}
        </li>
      ))}
    </ol>
  )
}
