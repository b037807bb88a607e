import type { AddressInfo } from 'node:net'
import { io as connect, type Socket } from 'socket.io-client'
import { Server } from 'socket.io'
import { createServer } from 'node:http'
import { PROTOCOL_VERSION } from '../contract'
import { seedCity } from '../data/seedCity'
import { DEMO_TOKENS } from '../server/src/api/auth'
import { createApp } from '../server/src/app'
import { systemClock } from '../server/src/clock'
import type { Db } from '../server/src/db/Db'
import { migrate } from '../server/src/db/migrate'
import { appendChanges } from '../server/src/live/outbox'
import { createLogger } from '../server/src/log'
import type { Row } from './foundation'

const CLIENTS = 50
const log = createLogger('silent')
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!
const f0 = (x: number) => Math.round(x).toLocaleString('en-US')
const f1 = (x: number) => x.toFixed(1)

/** Runs `jobs` with at most `width` in flight. */
async function pool(jobs: number, width: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs) await job(next++)
  }))
}

type Counted = { sockets: Socket[]; count: () => number; arrivals: Map<number, number>; close(): void }

/** `CLIENTS` sockets; counts what the last one received and when each case id first arrived at the first. */
async function clients(url: string, event: string, auth?: object): Promise<Counted> {
  const arrivals = new Map<number, number>()
  let received = 0
  const sockets = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => new Promise<Socket>((resolve) => {
    const s = connect(url, { transports: ['websocket'], ...(auth ? { auth } : {}), reconnection: false })
    s.on(event, (payload: unknown) => {
      const items = Array.isArray(payload) ? payload : [payload]
      if (i === 0) for (const p of items as { data?: { id?: number }; id?: number }[]) {
        const id = p.data?.id ?? p.id
        if (id !== undefined && !arrivals.has(id)) arrivals.set(id, performance.now())
      }
      if (i === CLIENTS - 1) received += items.length
    })
    s.once('connect', () => resolve(s))
  })))
  return { sockets, count: () => received, arrivals, close: () => sockets.forEach((s) => s.disconnect()) }
}

const waitFor = async (check: () => boolean, ms = 120_000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('bench timed out')
    await new Promise((r) => setTimeout(r, 2))
  }
}

/** Case reports, patrol fixes and replay end to end, each beside a bare INSERT + emit in the same run. */
export async function liveBench(engine: string, db: Db): Promise<Row[]> {
  await migrate(db)
  await seedCity(db)
  const rows: Row[] = []
  const app = await createApp({ db, log, clock: systemClock, tokens: DEMO_TOKENS })
  await new Promise<void>((r) => app.http.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`
  const [grid] = await db.query<{ lon: number; lat: number; id: number; c: number; t: number }>(`
    SELECT ST_X(p) AS lon, ST_Y(p) AS lat, g.id, g.community_id AS c, r.parent_id AS t
    FROM grids g JOIN regions r ON r.id = g.community_id, LATERAL ST_PointOnSurface(g.geom) p ORDER BY g.code LIMIT 1`)
  const report = { category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: [grid!.lon, grid!.lat], description: 'bench' }
  const post = (path: string, body: unknown) => fetch(url + path, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer demo-simulator' }, body: JSON.stringify(body),
  }).then(async (r) => (await r.json()) as { id: number })

  // (a) reports as fast as 20 callers can send them, to 50 clients.
  const live = await clients(url, 'live:changes', { protocol: PROTOCOL_VERSION })
  const N = engine === 'pg' ? 3000 : 600
  const sentAt = new Map<number, number>()
  let t = performance.now()
  await pool(N, 20, async () => {
    const start = performance.now()
    const { id } = await post('/api/v1/cases', report)
    sentAt.set(id, start)
  })
  await waitFor(() => live.count() >= N)
  const reportRate = N / ((performance.now() - t) / 1000)
  const lat = [...sentAt].map(([id, s]) => live.arrivals.get(id)! - s)

  // Baseline: a bare INSERT and a bare emit to the same 50 clients.
  const bareHttp = createServer()
  await new Promise<void>((r) => bareHttp.listen(0, '127.0.0.1', r))
  const bare = new Server(bareHttp)
  const bareUrl = `http://127.0.0.1:${(bareHttp.address() as AddressInfo).port}`
  const plain = await clients(bareUrl, 'row')
  t = performance.now()
  await pool(N, 20, async () => {
    const start = performance.now()
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO cases (code, category, kind, source, geom, grid_id, community_id, township_id, level, state, reported_at, due_at)
       VALUES ('B' || md5(random()::text), 'dispute', 'neighbour', 'grid_worker', ST_SetSRID(ST_MakePoint($1, $2), 4326), $3, $4, $5, 'grid', 'collected', now(), now())
       RETURNING id`, [grid!.lon, grid!.lat, grid!.id, grid!.c, grid!.t])
    bare.emit('row', row)
    sentAt.set(row!.id, start)
  })
  await waitFor(() => plain.count() >= N)
  const bareRate = N / ((performance.now() - t) / 1000)
  const bareLatency = [...plain.arrivals].map(([id, at]) => at - sentAt.get(id)!)
  rows.push({ measure: `case reports/s, POST → COMMIT → ${CLIENTS} clients`, engine, value: f0(reportRate), baseline: `${f0(bareRate)} bare INSERT + emit` })
  rows.push({ measure: '  latency p50 / p99 at full load', engine, value: `${f1(pct(lat, 50))} / ${f1(pct(lat, 99))} ms`, baseline: `${f1(pct(bareLatency, 50))} / ${f1(pct(bareLatency, 99))} ms` })

  // Paced at 100 reports/s for 5 s: the latency a wall sees in ordinary use.
  const paced: number[] = []
  const before = live.count()
  const ids: number[] = []
  for (let i = 0; i < 500; i++) {
    const start = performance.now()
    void post('/api/v1/cases', report).then(({ id }) => { ids.push(id); sentAt.set(id, start) })
    await new Promise((r) => setTimeout(r, 10))
  }
  await waitFor(() => live.count() >= before + 500 && ids.length === 500)
  for (const id of ids) paced.push(live.arrivals.get(id)! - sentAt.get(id)!)
  rows.push({ measure: '  latency p50 / p99 at 100 reports/s', engine, value: `${f1(pct(paced, 50))} / ${f1(pct(paced, 99))} ms` })

  // (b) patrol fixes in batches of 50 per unit.
  const units = (await db.query<{ id: number }>('SELECT id FROM patrol_units ORDER BY id')).map((u) => u.id)
  const batches = engine === 'pg' ? 400 : 100
  const fixesBefore = live.count()
  t = performance.now()
  await pool(batches, 20, async (i) => {
    const at = new Date().toISOString()
    await post(`/api/v1/patrols/${units[i % units.length]}/fixes`, {
      fixes: Array.from({ length: 50 }, (_, k) => ({ at, location: [grid!.lon + k * 1e-5, grid!.lat] })),
    })
  })
  await waitFor(() => live.count() >= fixesBefore + batches)
  const fixRate = (batches * 50) / ((performance.now() - t) / 1000)
  t = performance.now()
  const plainBefore = plain.count()
  await pool(batches, 20, async (i) => {
    const lons = Array.from({ length: 50 }, (_, k) => grid!.lon + k * 1e-5)
    await db.query(`INSERT INTO patrol_fixes (unit_id, at, geom) SELECT $1, now(), ST_SetSRID(ST_MakePoint(x, $2), 4326) FROM unnest($3::float8[]) x`,
      [units[i % units.length], grid!.lat, lons])
    bare.emit('row', { id: -1, lons })
  })
  await waitFor(() => plain.count() >= plainBefore + batches)
  const bareFixRate = (batches * 50) / ((performance.now() - t) / 1000)
  rows.push({ measure: `patrol fixes/s, batches of 50 → ${CLIENTS} clients`, engine, value: f0(fixRate), baseline: `${f0(bareFixRate)} bare INSERT + emit` })
  live.close()
  plain.close()

  // (c) replay of 10,000 missed changes to one client.
  await app.hub.flush()
  const since = app.hub.position
  await db.transaction((tx) => appendChanges(tx, Array.from({ length: 10_000 }, (_, i) => ({
    entity: 'camera' as const, entityId: i, op: 'update' as const,
    payload: { id: i, code: `C${i}`, class: 'A', state: 'offline', stateChangedAt: new Date().toISOString(), location: [125.3, 46.4], townshipCode: null },
  })), new Date()))
  await app.hub.flush()
  let replayed = 0
  t = performance.now()
  const late = connect(url, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION, since }, reconnection: false })
  late.on('live:changes', (c: unknown[]) => { replayed += c.length })
  await waitFor(() => replayed >= 10_000)
  const replayMs = performance.now() - t
  late.disconnect()
  t = performance.now()
  const bareClient = connect(bareUrl, { transports: ['websocket'], reconnection: false })
  let bareReplayed = 0
  bareClient.on('rows', (r: unknown[]) => { bareReplayed += r.length })
  await new Promise<void>((r) => bareClient.once('connect', () => r()))
  const rowsOut = await db.query('SELECT seq, at, entity, op, payload FROM change_log WHERE seq > $1 ORDER BY seq', [since])
  bare.emit('rows', rowsOut)
  await waitFor(() => bareReplayed >= 10_000)
  const bareReplayMs = performance.now() - t
  bareClient.disconnect()
  rows.push({ measure: 'replay of 10,000 missed changes to one client', engine, value: `${f0(replayMs)} ms`, baseline: `${f0(bareReplayMs)} ms bare SELECT + emit` })

  await new Promise<void>((r) => bare.close(() => r()))
  await app.hub.close()
  return rows
}
