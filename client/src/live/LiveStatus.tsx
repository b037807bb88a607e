import { clockTime } from '../ui/format'
import type { Connection } from './useLive'

/** Whether the screen is live, said plainly, and since when it is not. */
export function LiveStatus({ connection }: { connection: Connection }) {
  return (
    <span className={`live-status ${connection.live ? 'live' : 'not-live'}`} data-testid="connection" data-live={connection.live}>
      {connection.live ? '● 实时' : `● 未连接（自 ${clockTime(connection.since)}）`}
    </span>
  )
}
