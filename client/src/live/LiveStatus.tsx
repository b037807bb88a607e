import { clockTime } from '../ui/format'
import type { Connection } from './useLive'

/** Whether the screen is live, said plainly, and since when it is not; while it first connects, neutrally so. */
export function LiveStatus({ connection }: { connection: Connection }) {
  const [kind, text] = connection.live ? ['live', '● 实时'] : connection.connecting ? ['connecting', '连接中…'] : ['not-live', `● 未连接（自 ${clockTime(connection.since)}）`]
  return <span className={`live-status ${kind}`} data-testid="connection" data-live={connection.live} role="status">{text}</span>
}
