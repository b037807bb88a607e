import pg from 'pg'
import type { Logger } from '../log'

/** What the leader runs; called when this process becomes the leader, and returns how to stop it. */
export type LeaderWork = () => () => Promise<void>

export type Leadership = {
  /** Whether this process runs the jobs now. */
  readonly leading: boolean
  /** Stops the jobs if running and lets go of the lock, so another process takes them at once. */
  stop(): Promise<void>
}

// Any constant works, as long as every process takes the same one; the sequencer's is 7_303_102.
const LEADER_LOCK = 7_303_103

/**
 * Runs `work` in one process of several sharing a PostgreSQL server: the one holding a session advisory
 * lock on a connection of its own. The others try for it every `checkMs` and one takes it within that of
 * the leader's connection closing (its process killed, the database restarted). The leader probes its
 * connection as often; a probe that fails or takes longer than `checkMs` stops the jobs before anyone
 * else can have the lock, so two leaders overlap at most when the server drops a session the leader has
 * not noticed yet (at most `checkMs`): each job is written to be safe then (see the README).
 * With no `databaseUrl` (the embedded store, one process) this process leads from the start.
 */
export function leadJobs(databaseUrl: string | undefined, work: LeaderWork, log: Logger, checkMs = 1000): Leadership {
  let stopWork: (() => Promise<void>) | null = null
  if (!databaseUrl) {
    stopWork = work()
    return { get leading() { return stopWork !== null }, stop: async () => { await stopWork?.(); stopWork = null } }
  }

  let client: pg.Client | null = null
  let stopped = false
  let checking: Promise<void> | null = null

  const resign = async (why: string, err?: unknown) => {
    const was = client
    client = null
    if (stopWork) {
      log.warn({ err: err instanceof Error ? err.message : err }, `leadership lost (${why}): jobs stopped here`)
      const stopping = stopWork
      stopWork = null
      await stopping()
    }
    await was?.end().catch(() => {})
  }

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: databaseUrl, keepAlive: true, connectionTimeoutMillis: 5000, query_timeout: checkMs * 2 })
    c.on('error', (err) => void resign('its connection failed', err))
    c.on('end', () => { if (client === c) void resign('its connection ended') })
    await c.connect()
    return c
  }

  const check = async () => {
    try {
      client ??= await connect()
      if (stopWork) {
        await client.query('SELECT 1')
        return
      }
      const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [LEADER_LOCK])
      if (rows[0]?.got && !stopped) {
        log.info({ pid: process.pid }, 'leading: this process runs the jobs (sequencer, escalation clock, retention, answer delivery, simulator)')
        stopWork = work()
      }
    } catch (err) {
      await resign('the store did not answer', err)
    }
  }

  const timer = setInterval(() => { checking ??= check().finally(() => { checking = null }) }, checkMs)
  timer.unref()
  checking = check().finally(() => { checking = null })

  return {
    get leading() { return stopWork !== null },
    async stop() {
      stopped = true
      clearInterval(timer)
      await checking
      if (stopWork) {
        const stopping = stopWork
        stopWork = null
        await stopping()
      }
      await client?.end().catch(() => {})
      client = null
    },
  }
}
