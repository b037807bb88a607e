import { readFileSync } from 'node:fs'
import pg from 'pg'
import { io, type Socket } from 'socket.io-client'
import { CaseSummary, PROTOCOL_VERSION } from '../contract'
import { pgDb } from '../server/src/db/pgDb'
import { createLogger } from '../server/src/log'
import { until } from '../tests/support/live'
import { ownCluster } from '../tests/support/ownCluster'
import type { Row } from './foundation'
import { benchKeys, startServer, stopServer } from './processes'

const MiB = 1024 * 1024
const CHANGES = 10_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024

/** How long PostgreSQL itself takes, once `pg_ctl start` returns, to answer a fresh connection's query. */
async function bareReconnect(url: string): Promise<number> {
  const t = performance.now()
  for (;;) {
    const client = new pg.Client(url)
    const answered = await client.connect().then(() => client.query('SELECT 1')).then(() => true, () => false)
    await client.end().catch(() => undefined)
    if (answered) return performance.now() - t
    await sleep(5)
  }
}

/** Ten writers posting reports as fast as they are answered; a 503 or no answer waits 50 ms, as a client told to retry would. */
function writers(base: string, key: string) {
  const s = { writing: true, acked: [] as number[], refusedAt: 0, noAnswer: 0, ackedAfter: 0, watchFrom: 0 }
  const one = async () => {
    while (s.writing) {
      const res = await fetch(`${base}/api/v1/cases`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ category: 'dispute', kind: 'neighbour', source: 'hotline_12345', location: [125.32, 46.4], description: 'bench' }),
      }).catch(() => null)
      if (res?.status === 201) {
        s.acked.push(CaseSummary.parse(await res.json()).id)
        if (s.watchFrom && !s.ackedAfter) s.ackedAfter = performance.now()
        continue
      }
      if (!res) s.noAnswer++
      else {
        await res.arrayBuffer()
        if (res.status === 503 && !s.refusedAt) s.refusedAt = performance.now()
      }
      await sleep(50)
    }
  }
  const running = Array.from({ length: 10 }, one)
  return { s, stop: async () => {
    s.writing = false
    await Promise.all(running)
  } }
}

/** The server's RSS growth over 10 s while ten clients replay the last `CHANGES` changes, reading them or not. */
async function replayGrowth(base: string, key: string, pid: number, since: number, read: boolean): Promise<number> {
  const before = rssOf(pid)
  let peak = before
  const sockets: Socket[] = []
  for (let i = 0; i < 10; i++) {
    const s = io(base, { transports: ['websocket'], reconnection: false, auth: { protocol: PROTOCOL_VERSION, rooms: ['city'], since, key } })
    if (!read) s.io.on('open', () => (s.io.engine.transport as unknown as { ws: { _socket: { pause(): void } } }).ws._socket.pause())
    sockets.push(s)
  }
  const end = Date.now() + 10_000
  while (Date.now() < end) {
    peak = Math.max(peak, rssOf(pid))
    await sleep(50)
  }
  for (const s of sockets) s.disconnect()
  await sleep(2000)
  return (peak - before) / MiB
}

/**
 * The server in its own process on a PostgreSQL cluster of the bench's own: a restart of that cluster under
 * ten writers (time to the first 503 after the stop, to the first acknowledged write after the start, beside a
 * bare connection's), then ten clients owed a long replay that never read it (the server's memory while they
 * hang, beside ten that read it).
 */
export async function faultsBench(): Promise<Row[]> {
  const cluster = await ownCluster()
  const admin = pgDb(cluster.url('postgres'), createLogger('silent'), 1)
  await admin.exec('CREATE DATABASE city')
  await admin.close()
  const url = cluster.url('city')
  const port = 22_000 + (process.pid % 1000)
  const base = `http://127.0.0.1:${port}`
  const server = await startServer('server/src/main.ts', { DATABASE_URL: url }, port)
  const db = pgDb(url, createLogger('silent'), 1)
  const keys = await benchKeys(base)
  try {
    const w = writers(base, keys.simulator)
    await until(() => w.s.acked.length >= 50, 'writes before the restart', 60_000)
    const stopping = performance.now()
    await cluster.stop()
    await until(() => w.s.refusedAt > 0, 'a 503', 60_000)
    const health = await fetch(`${base}/api/health`)
    await health.arrayBuffer()
    await sleep(2000)
    await cluster.start()
    w.s.watchFrom = performance.now()
    const bare = await bareReconnect(url)
    await until(() => w.s.ackedAfter > 0, 'a write after the restart', 60_000)
    await w.stop()
    const [found] = await db.query<{ n: number }>('SELECT count(*) AS n FROM cases WHERE id = ANY($1::int[])', [w.s.acked])

    await db.query(
      `INSERT INTO change_log (at, entity, entity_id, op, payload)
       SELECT now(), 'camera', g::text, 'update', jsonb_build_object('id', g, 'state', 'offline', 'note', repeat('x', 1000))
       FROM generate_series(1, $1::int) g`, [CHANGES])
    await until(async () => (await db.query<{ n: number }>('SELECT count(*) AS n FROM change_log WHERE seq IS NULL'))[0]!.n === 0, 'the changes numbered', 60_000)
    const [{ newest }] = (await db.query<{ newest: number }>('SELECT max(seq) AS newest FROM change_log')) as [{ newest: number }]
    const reading = await replayGrowth(base, keys.wall, server.pid!, newest - CHANGES, true)
    const stalled = await replayGrowth(base, keys.wall, server.pid!, newest - CHANGES, false)
    return [
      { measure: 'database stopped under 10 writers → first 503 (with Retry-After)', engine: 'pg', value: `${(w.s.refusedAt - stopping).toFixed(0)} ms`, baseline: `/api/health meanwhile: ${health.status}` },
      { measure: 'database started → first write acknowledged again', engine: 'pg', value: `${(w.s.ackedAfter - w.s.watchFrom).toFixed(0)} ms`, baseline: `${bare.toFixed(0)} ms bare connect + SELECT 1` },
      { measure: 'acknowledged writes found after the restart', engine: 'pg', value: `${found!.n} of ${w.s.acked.length}`, baseline: `requests unanswered: ${w.s.noAnswer}` },
      {
        measure: `10 clients owed ${CHANGES.toLocaleString('en')} changes of 1 KiB each, never reading: server RSS growth over 10 s`, engine: 'pg',
        value: `+${stalled.toFixed(1)} MiB`, baseline: `+${reading.toFixed(1)} MiB with 10 clients reading it all`,
      },
    ]
  } finally {
    await db.close()
    await stopServer(server)
    await cluster.destroy()
  }
}
