import { randomBytes } from 'node:crypto'
import { createAdapter } from '@socket.io/redis-streams-adapter'
import type { Store } from 'express-rate-limit'
import { Redis } from 'ioredis'
import { RedisStore } from 'rate-limit-redis'
import type { Change } from '../../../contract/live'
import type { Logger } from '../log'

/** What the leader read from the log after position `after`, for each process to send its own sockets. */
export type PeerBatch = { after: number; changes: Change[] }

/** The other server processes, reached through Redis. */
export type Peers = {
  /** Socket.IO's Redis Streams adapter: rooms and `disconnectSockets` across processes. */
  adapter: ReturnType<typeof createAdapter>
  /** Whether Redis takes messages now: while it is away nothing is queued (the log heals the gap). */
  readonly reachable: boolean
  /** Hands a batch to the other processes, in order after the ones before. */
  publish(batch: PeerBatch): void
  /** Tells the leader something was committed here. */
  committed(): void
  /** `onBatch` hears the other processes' batches in the order they were published; `onCommitted` their commits. */
  listen(handlers: { onBatch(batch: PeerBatch): void; onCommitted(): void }): void
  /** A counter store every process shares, so an address's attempts count once across them (keys start `prefix`). */
  limitStore(prefix: string): Store
  close(): Promise<void>
}

/**
 * Connects to Redis at `url`. Batches travel on a Redis stream of their own (`<stream>:changes`), in order,
 * read from the last entry seen after Redis comes back: the adapter's `serverSideEmit` goes by Pub/Sub since
 * its 0.3, unordered with its stream, and a process whose subscription had not started heard none of it.
 * Redis keeps nothing the product needs: the change log in PostGIS is the truth, and a process that missed
 * batches while Redis was away reads them from the log.
 */
export function redisPeers(url: string, log: Logger, stream = 'gridgov-live'): Peers {
  const options = { maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 200, 2000) }
  const redis = new Redis(url, options)
  const reader = new Redis(url, options)
  const me = randomBytes(8).toString('hex')
  const key = `${stream}:changes`
  let down = false
  redis.on('error', (err) => {
    if (!down) log.warn({ err: err.message }, 'Redis unreachable: other processes hear of changes from the log until it is back')
    down = true
  })
  redis.on('ready', () => {
    if (down) log.info('Redis reachable again')
    down = false
  })
  reader.on('error', () => {})
  let reading = true
  const send = (kind: 'batch' | 'committed', data: string) => {
    if (redis.status !== 'ready') return
    // About 1,000 entries: at province rate a batch is hundreds of KB, and a process further behind than
    // that reads the gap from the log anyway.
    redis.xadd(key, 'MAXLEN', '~', '1000', '*', 'from', me, 'kind', kind, 'data', data).catch(() => {})
  }

  const read = async (handlers: { onBatch(batch: PeerBatch): void; onCommitted(): void }) => {
    // From the stream's newest entry now: what came before this process started is in the log.
    let last = '$'
    while (reading) {
      try {
        if (last === '$') last = (await reader.xrevrange(key, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0'
        const answer = await reader.xread('COUNT', 500, 'BLOCK', 1000, 'STREAMS', key, last)
        for (const [, entries] of answer ?? []) {
          for (const [id, fields] of entries) {
            last = id
            const field = (name: string) => fields[fields.indexOf(name) + 1]
            if (field('from') === me) continue
            if (field('kind') === 'committed') handlers.onCommitted()
            else handlers.onBatch(JSON.parse(field('data')!) as PeerBatch)
          }
        }
      } catch {
        // Redis is away: the reader's connection retries by itself, and the log covers what is missed.
        await new Promise((r) => setTimeout(r, 200))
      }
    }
  }

  return {
    adapter: createAdapter(redis, { streamName: stream, maxLen: 10_000 }),
    get reachable() { return redis.status === 'ready' },
    publish: (batch) => send('batch', JSON.stringify(batch)),
    committed: () => send('committed', ''),
    listen: (handlers) => void read(handlers),
    limitStore: (prefix) => new RedisStore({ prefix: `${stream}:${prefix}`, sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<never> }),
    async close() {
      reading = false
      reader.disconnect()
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
