import type { AddressInfo } from 'node:net'
import { io as connect, type Socket } from 'socket.io-client'
import { createServer } from 'node:http'
import { Server } from 'socket.io'
import { PROTOCOL_VERSION } from '../contract'
import { ensureDemoAccounts } from '../data/demoAccounts'
import { createApp } from '../server/src/app'
import { systemClock } from '../server/src/clock'
import type { Db } from '../server/src/db/Db'
import { pgDb } from '../server/src/db/pgDb'
import { pgliteDb } from '../server/src/db/pgliteDb'
import { appendChanges } from '../server/src/live/outbox'
import { createLogger } from '../server/src/log'
import type { Row } from './foundation'
import { giveTestKeys, testKey } from '../tests/support/serve'
import { benchKeys, benchStore, poster, startServer, stopServer } from './processes'

const CLIENTS = 50
const IN_FLIGHT = 20
const WARM_UP = 1000
const log = createLogger('silent')
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!
const f0 = (x: number) => Math.round(x).toLocaleString('en-US')
const ms = (xs: number[]) => `${pct(xs, 50).toFixed(1)} / ${pct(xs, 99).toFixed(1)} ms`

const waitFor = async (check: () => boolean, limitMs = 180_000) => {
  const end = Date.now() + limitMs
  while (!check()) {
    if (Date.now() > end) throw new Error('bench timed out')
    await new Promise((r) => setTimeout(r, 2))
  }
}

/** `CLIENTS` sockets: counts what the last received, and when each case id first reached the first. */
async function listeners(url: string, event: string, auth?: object) {
  const arrivals = new Map<number, number>()
  let received = 0
  const sockets = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => new Promise<Socket>((resolve) => {
    const s = connect(url, { transports: ['websocket'], reconnection: false, ...(auth ? { auth } : {}) })
    s.on(event, (payload: unknown) => {
      const items = (Array.isArray(payload) ? payload : [payload]) as { data?: { id?: number }; id?: number }[]
      if (i === 0) for (const p of items) {
        const id = p.data?.id ?? p.id
        if (id !== undefined && !arrivals.has(id)) arrivals.set(id, performance.now())
      }
      if (i === CLIENTS - 1) received += items.length
    })
    s.once('connect', () => resolve(s))
  })))
  return { count: () => received, arrivals, close: () => sockets.forEach((s) => s.disconnect()) }
}

type Measured = { reports: number; full: number[]; paced: number[]; fixes: number }

/** Reports at full load (20 in flight, after a warm-up) and paced at 100/s, then patrol fixes in batches of 50, each to 50 clients. */
async function drive(url: string, key: string, event: string, auth: object | undefined, location: [number, number], n: number, batches: number): Promise<Measured> {
  const live = await listeners(url, event, auth)
  const { post, close } = poster(url, key)
  const report = { category: 'dispute', kind: 'neighbour', source: 'grid_worker', location, description: 'bench' }
  const sentAt = new Map<number, number>()
  // Both servers first file WARM_UP reports at full load, not counted: a fresh process runs cold (V8 has not
  // compiled its hot paths, the store's connections have no plans): its first 2,000 reports ran at 517/s, the next at 792, then 1,221.
  let next = 0
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next++ < WARM_UP) await post('/api/v1/cases', report)
  }))
  await waitFor(() => live.count() >= WARM_UP)
  const warmed = live.count()
  next = 0
  let t = performance.now()
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next++ < n) {
      const start = performance.now()
      sentAt.set((await post('/api/v1/cases', report)).id!, start)
    }
  }))
  await waitFor(() => live.count() >= warmed + n)
  const reports = n / ((performance.now() - t) / 1000)
  const full = [...sentAt].map(([id, s]) => live.arrivals.get(id)! - s)

  const paced: number[] = []
  const pending: Promise<void>[] = []
  for (let i = 0; i < 500; i++) {
    const start = performance.now()
    pending.push(post('/api/v1/cases', report).then(async ({ id }) => {
      await waitFor(() => live.arrivals.has(id!))
      paced.push(live.arrivals.get(id!)! - start)
    }))
    await new Promise((r) => setTimeout(r, 10))
  }
  await Promise.all(pending)

  const before = live.count()
  next = 0
  t = performance.now()
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < batches) {
      const unit = (next++ % 100) + 1
      const at = new Date().toISOString()
      await post(`/api/v1/patrols/${unit}/fixes`, {
        fixes: Array.from({ length: 50 }, (_, k) => ({ at, location: [location[0] + k * 1e-5, location[1]] })),
      })
    }
  }))
  await waitFor(() => live.count() >= before + batches)
  const fixes = (batches * 50) / ((performance.now() - t) / 1000)
  live.close()
  close()
  return { reports, full, paced, fixes }
}

const GATEWAY_UNITS = 100
const GATEWAY_FIXES = 50

/**
 * A device gateway's batches (`GATEWAY_UNITS` units × `GATEWAY_FIXES` fixes each, 4 in flight) until
 * every client has heard each of them (one change a batch, in the product as in the baseline): fixes/s end to end.
 */
async function ingest(url: string, key: string, event: string, auth: object | undefined, location: [number, number], batches: number): Promise<number> {
  const live = await listeners(url, event, auth)
  const { post, close } = poster(url, key, 4)
  const before = live.count()
  let next = 0
  const t = performance.now()
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next++ < batches) {
      const at = new Date().toISOString()
      await post('/api/v1/patrols/fixes', {
        units: Array.from({ length: GATEWAY_UNITS }, (_, u) => ({
          unitId: u + 1, fixes: Array.from({ length: GATEWAY_FIXES }, (_, k) => ({ at, location: [location[0] + k * 1e-5, location[1] + u * 1e-5] })),
        })),
      })
    }
  }))
  await waitFor(() => live.count() >= before + batches)
  const rate = (batches * GATEWAY_UNITS * GATEWAY_FIXES) / ((performance.now() - t) / 1000)
  live.close()
  close()
  return rate
}

/** Replay of 10,000 missed changes to one client, beside a bare SELECT of the same rows and one emit. */
async function replay(db: Db): Promise<{ ms: number; bareMs: number }> {
  const app = await createApp({ db, log, clock: systemClock })
  await ensureDemoAccounts(app.accounts)
  await giveTestKeys(db)
  await new Promise<void>((r) => app.http.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`
  await app.hub.flush()
  const since = app.hub.position
  await db.transaction((tx) => appendChanges(tx, Array.from({ length: 10_000 }, (_, i) => ({
    entity: 'camera' as const, entityId: i, op: 'update' as const,
    payload: { id: i, code: `C${i}`, class: 'A', state: 'offline', stateChangedAt: new Date().toISOString(), location: [125.3, 46.4], townshipCode: null },
  })), new Date()))
  await app.hub.flush()
  let replayed = 0
  let t = performance.now()
  const late = connect(url, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION, since, key: testKey('wall') }, reconnection: false })
  late.on('live:changes', (c: unknown[]) => { replayed += c.length })
  await waitFor(() => replayed >= 10_000)
  const took = performance.now() - t
  late.disconnect()
  await app.hub.close()

  const bareHttp = createServer()
  await new Promise<void>((r) => bareHttp.listen(0, '127.0.0.1', r))
  const bare = new Server(bareHttp)
  const client = connect(`http://127.0.0.1:${(bareHttp.address() as AddressInfo).port}`, { transports: ['websocket'], reconnection: false })
  let got = 0
  client.on('rows', (r: unknown[]) => { got += r.length })
  await new Promise<void>((r) => client.once('connect', () => r()))
  t = performance.now()
  bare.emit('rows', await db.query('SELECT seq, at, entity, op, payload FROM change_log WHERE seq > $1 ORDER BY seq', [since]))
  await waitFor(() => got >= 10_000)
  const bareMs = performance.now() - t
  client.disconnect()
  await new Promise<void>((r) => bare.close(() => r()))
  return { ms: took, bareMs }
}

/**
 * The live city end to end: the product and the bare baseline each run as a server process over the
 * same seeded store, driven by the same clients; then replay in process.
 */
export async function liveBench(engine: 'pglite' | 'pg', pgUrl?: string): Promise<Row[]> {
  const store = await benchStore(engine, 'live', pgUrl)
  const { env } = store
  try {
    const port = 19_000 + (process.pid % 1000)
    const [n, batches, gateway] = engine === 'pg' ? [3000, 400, 60] : [600, 100, 10]
    const product = await startServer('server/src/main.ts', env, port)
    const keys = await benchKeys(`http://127.0.0.1:${port}`)
    const wall = { protocol: PROTOCOL_VERSION, key: keys.wall }
    const ours = await drive(`http://127.0.0.1:${port}`, keys.simulator, 'live:changes', wall, [125.32, 46.4], n, batches)
    const oursGateway = await ingest(`http://127.0.0.1:${port}`, keys.simulator, 'live:changes', wall, [125.32, 46.4], gateway)
    await stopServer(product)
    const baseline = await startServer('bench/bareServer.ts', env, port)
    const bare = await drive(`http://127.0.0.1:${port}`, keys.simulator, 'row', undefined, [125.32, 46.4], n, batches)
    const bareGateway = await ingest(`http://127.0.0.1:${port}`, keys.simulator, 'row', undefined, [125.32, 46.4], gateway)
    await stopServer(baseline)
    const db = engine === 'pg' ? pgDb(env.DATABASE_URL!, log) : await pgliteDb({ dataDir: env.DATA_DIR! })
    const r = await replay(db).finally(() => db.close())
    return [
      { measure: `case reports/s, HTTP POST → COMMIT → ${CLIENTS} clients`, engine, value: f0(ours.reports), baseline: `${f0(bare.reports)} bare INSERT + emit` },
      { measure: `  latency p50 / p99, ${IN_FLIGHT} in flight`, engine, value: ms(ours.full), baseline: ms(bare.full) },
      { measure: '  latency p50 / p99 at 100 reports/s', engine, value: ms(ours.paced), baseline: ms(bare.paced) },
      { measure: `patrol fixes/s, batches of 50 → ${CLIENTS} clients`, engine, value: f0(ours.fixes), baseline: `${f0(bare.fixes)} bare INSERT + emit` },
      {
        measure: `patrol fixes/s, a gateway's batches of ${GATEWAY_UNITS} units × ${GATEWAY_FIXES} → ${CLIENTS} clients`, engine, value: f0(oursGateway),
        baseline: `${f0(bareGateway)} bare INSERT + one emit a batch (${(bareGateway / oursGateway).toFixed(2)}×)`,
      },
      { measure: 'replay of 10,000 missed changes to one client', engine, value: `${f0(r.ms)} ms`, baseline: `${f0(r.bareMs)} ms bare SELECT + emit` },
    ]
  } finally {
    await store.drop()
  }
}
