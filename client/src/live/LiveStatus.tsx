import type { Connection } from './useLive'
import { type LiveState, overdueCases } from './liveState'

const clock = (ms: number) => new Date(ms).toLocaleTimeString('zh-CN', { hour12: false })

/** Open and overdue counts, and whether the screen is live, said plainly with since when. */
export function LiveStatus({ state, connection, now }: { state: LiveState; connection: Connection; now: number }) {
  return (
    <p className="live-status">
      在办 <span className="figure" data-testid="open-cases">{state.cases.size}</span> 件 · 超期{' '}
      <span className="figure alarm" data-testid="overdue-cases">{overdueCases(state, now).length}</span> 件 ·{' '}
      <span className={connection.live ? 'live' : 'not-live'} data-testid="connection" data-live={connection.live}>
        {connection.live ? '● 实时' : `● 未连接（自 ${clock(connection.since)}）`}
      </span>
    </p>
  )
}
