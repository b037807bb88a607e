import type { ChildProcess } from 'node:child_process'
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

/** A server under test: the product or the bare baseline, as the clients reach it. */
type Target = { url: string; event: string; auth?: object }

/** Reports filed as fast as `IN_FLIGHT` callers get answers, each to `CLIENTS` clients: reports/s, and each one's POST → first client. */
async function reportsAtFullLoad(t: Target, key: string, location: [number, number], n: number): Promise<{ rate: number; latency: number[] }> {
  const live = await listeners(t.url, t.event, t.auth)
  const { post, close } = poster(t.url, key)
  const report = { category: 'dispute', kind: 'neighbour', source: 'grid_worker', location, description: 'bench' }
  const sentAt = new Map<number, number>()
  let next = 0
  const started = performance.now()
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next++ < n) {
      const start = performance.now()
      sentAt.set((await post('/api/v1/cases', report)).id!, start)
    }
  }))
  await waitFor(() => live.count() >= n)
  const rate = n / ((performance.now() - started) / 1000)
  live.close()
  close()
  return { rate, latency: [...sentAt].map(([id, s]) => live.arrivals.get(id)! - s) }
}

/** 500 reports at 100 a second: each one's POST → first client, on a server that is not loaded. */
async function pacedReports(t: Target, key: string, location: [number, number]): Promise<number[]> {
  const live = await listeners(t.url, t.event, t.auth)
  const { post, close } = poster(t.url, key)
  const report = { category: 'dispute', kind: 'neighbour', source: 'grid_worker', location, description: 'bench' }
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
  live.close()
  close()
  return paced
}

/** One unit's batches of 50 fixes (`IN_FLIGHT` at a time, 100 units in turn), each to `CLIENTS` clients: fixes/s. */
async function unitBatches(t: Target, key: string, location: [number, number], batches: number): Promise<number> {
  const live = await listeners(t.url, t.event, t.auth)
  const { post, close } = poster(t.url, key)
  let next = 0
  const started = performance.now()
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < batches) {
      const unit = (next++ % 100) + 1
      const at = new Date().toISOString()
      await post(`/api/v1/patrols/${unit}/fixes`, {
        fixes: Array.from({ length: 50 }, (_, k) => ({ at, location: [location[0] + k * 1e-5, location[1]] })),
      })
    }
  }))
  await waitFor(() => live.count() >= batches)
  const rate = (batches * 50) / ((performance.now() - started) / 1000)
  live.close()
  close()
  return rate
}

const GATEWAY_UNITS = 100
const GATEWAY_FIXES = 50

/**
 * A device gateway's batches (`GATEWAY_UNITS` units × `GATEWAY_FIXES` fixes each, 4 in flight) until
 * every client has heard each of them (one change a batch, in the product as in the baseline): fixes/s end to end.
 */
async function gatewayBatches(t: Target, key: string, location: [number, number], batches: number): Promise<number> {
  const live = await listeners(t.url, t.event, t.auth)
  const { post, close } = poster(t.url, key, 4)
  let next = 0
  const started = performance.now()
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
  await waitFor(() => live.count() >= batches)
  const rate = (batches * GATEWAY_UNITS * GATEWAY_FIXES) / ((performance.now() - started) / 1000)
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

const median = (xs: number[]) => pct(xs, 50)
const spread = (xs: number[]) => xs.length > 1 ? ` (rounds ${xs.map(f0).join(', ')})` : ''

/**
 * The live city end to end: the product and the bare baseline each run as a server process over the same
 * seeded store, driven by the same clients, then replay in process. On PostgreSQL both servers stay up and
 * take turns, round by round (the bare baseline alone moved by a quarter between runs minutes apart); the
 * embedded store has one process at a time, so each side there runs once, the product first.
 */
export async function liveBench(engine: 'pglite' | 'pg', pgUrl?: string): Promise<Row[]> {
  const store = await benchStore(engine, 'live', pgUrl)
  const { env } = store
  const location: [number, number] = [125.32, 46.4]
  try {
    const port = 19_000 + (process.pid % 1000)
    const [rounds, n, batches, gateway] = engine === 'pg' ? [3, 1000, 150, 30] : [1, 600, 100, 10]
    const url = (p: number) => `http://127.0.0.1:${p}`
    const sides = {
      ours: { entry: 'server/src/main.ts', port, event: 'live:changes' },
      bare: { entry: 'bench/bareServer.ts', port: port + 1, event: 'row' },
    }
    const first = await startServer(sides.ours.entry, env, port)
    const keys = await benchKeys(url(port))
    const targets: Record<keyof typeof sides, Target> = {
      ours: { url: url(port), event: sides.ours.event, auth: { protocol: PROTOCOL_VERSION, key: keys.wall } },
      bare: { url: url(port + 1), event: sides.bare.event },
    }
    // Both sides first file WARM_UP reports at full load, not counted: a fresh process runs cold (V8 has not
    // compiled its hot paths, the store's connections have no plans): its first 2,000 reports ran at 517/s, the next at 792, then 1,221.
    const up: Partial<Record<keyof typeof sides, ChildProcess>> = { ours: first, ...(engine === 'pg' ? { bare: await startServer(sides.bare.entry, env, port + 1) } : {}) }
    if (engine === 'pg') for (const side of ['ours', 'bare'] as const) await reportsAtFullLoad(targets[side], keys.simulator, location, WARM_UP)
    const run = async <T>(side: keyof typeof sides, measure: (t: Target) => Promise<T>): Promise<T> => {
      if (engine === 'pg') return measure(targets[side])
      const server = up[side] ?? await startServer(sides[side].entry, env, sides[side].port)
      up[side] = undefined
      try {
        await reportsAtFullLoad(targets[side], keys.simulator, location, WARM_UP)
        return await measure(targets[side])
      } finally {
        await stopServer(server)
      }
    }
    const measured = () => ({ reports: [] as number[], full: [] as number[], paced: [] as number[], fixes: [] as number[], gateway: [] as number[] })
    const results = { ours: measured(), bare: measured() }
    for (let round = 0; round < rounds; round++) {
      for (const side of ['ours', 'bare'] as const) {
        await run(side, async (t) => {
          const r = results[side]
          const full = await reportsAtFullLoad(t, keys.simulator, location, n)
          r.reports.push(full.rate)
          r.full.push(...full.latency)
          if (round === 0) r.paced.push(...(await pacedReports(t, keys.simulator, location)))
          r.fixes.push(await unitBatches(t, keys.simulator, location, batches))
          r.gateway.push(await gatewayBatches(t, keys.simulator, location, gateway))
        })
      }
    }
    for (const server of Object.values(up)) if (server) await stopServer(server)
    const db = engine === 'pg' ? pgDb(env.DATABASE_URL!, log) : await pgliteDb({ dataDir: env.DATA_DIR! })
    const r = await replay(db).finally(() => db.close())
    const { ours, bare } = results
    const ratio = (a: number[], b: number[]) => `${(median(b) / median(a)).toFixed(2)}×`
    return [
      {
        measure: `case reports/s, HTTP POST → COMMIT → ${CLIENTS} clients${rounds > 1 ? `, median of ${rounds} rounds taking turns` : ''}`, engine,
        value: `${f0(median(ours.reports))}${spread(ours.reports)}`, baseline: `${f0(median(bare.reports))} bare INSERT + emit${spread(bare.reports)} (${ratio(ours.reports, bare.reports)})`,
      },
      { measure: `  latency p50 / p99, ${IN_FLIGHT} in flight`, engine, value: ms(ours.full), baseline: ms(bare.full) },
      { measure: '  latency p50 / p99 at 100 reports/s', engine, value: ms(ours.paced), baseline: ms(bare.paced) },
      {
        measure: `patrol fixes/s, batches of 50 → ${CLIENTS} clients`, engine,
        value: `${f0(median(ours.fixes))}${spread(ours.fixes)}`, baseline: `${f0(median(bare.fixes))} bare INSERT + emit${spread(bare.fixes)}`,
      },
      {
        measure: `patrol fixes/s, a gateway's batches of ${GATEWAY_UNITS} units × ${GATEWAY_FIXES} → ${CLIENTS} clients`, engine,
        value: `${f0(median(ours.gateway))}${spread(ours.gateway)}`,
        baseline: `${f0(median(bare.gateway))} bare INSERT + one emit a batch${spread(bare.gateway)} (${ratio(ours.gateway, bare.gateway)})`,
      },
      { measure: 'replay of 10,000 missed changes to one client', engine, value: `${f0(r.ms)} ms`, baseline: `${f0(r.bareMs)} ms bare SELECT + emit` },
    ]
  } finally {
    await store.drop()
  }
}
