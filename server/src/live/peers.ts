import { createAdapter } from '@socket.io/redis-streams-adapter'
import { Redis } from 'ioredis'
import type { Logger } from '../log'

/** The other server processes, reached through Socket.IO's Redis Streams adapter. */
export type Peers = {
  adapter: ReturnType<typeof createAdapter>
  /** Whether Redis takes messages now: while it is away the hub does not queue them (the log heals the gap). */
  readonly reachable: boolean
  close(): Promise<void>
}

/**
 * Connects to Redis at `url` for the adapter. Redis keeps nothing the product needs: the change log in
 * PostGIS is the truth, and a process that missed messages while Redis was away reads them from the log.
 */
export function redisPeers(url: string, log: Logger, streamName = 'gridgov-live'): Peers {
  const redis = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 200, 2000) })
  let down = false
  redis.on('error', (err) => {
    if (!down) log.warn({ err: err.message }, 'Redis unreachable: other processes hear of changes from the log until it is back')
    down = true
  })
  redis.on('ready', () => {
    if (down) log.info('Redis reachable again')
    down = false
  })
  return {
    adapter: createAdapter(redis, { streamName, maxLen: 10_000, blockTimeInMs: 1000 }),
    get reachable() { return redis.status === 'ready' },
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
