import http from 'node:http'
import { io as connect, type Socket } from 'socket.io-client'
import { type Change, PROTOCOL_VERSION } from '../contract'
import { GUIZHOU } from '../data/province/guizhou'
import { seedProvince } from '../data/seedProvince'
import { accountCommands } from '../server/src/accounts/accounts'
import { systemClock } from '../server/src/clock'
import type { Db } from '../server/src/db/Db'
import { migrate } from '../server/src/db/migrate'
import type { Row } from './foundation'
import { startServer, stopServer } from './processes'
import { ownDatabase } from './province'

/**
 * While working on the bench: BENCH_PROVINCE_SCALE shrinks the province (its workforce stays Guizhou's, more
 * units a grid), BENCH_HOLD_SECONDS the hold, BENCH_PROCESSES the server processes tried (1,2,4).
 */
const SCALE = Number(process.env.BENCH_PROVINCE_SCALE ?? 1)
const HOLD_SECONDS = Number(process.env.BENCH_HOLD_SECONDS ?? 300)
/**
 * The load runs this long before the hold is counted: a fresh process and a fresh copy of the store took about
 * 12 s at this rate to come to speed (V8 compiling its hot paths, each pooled connection planning its statements,
 * the province's indexes read into memory), every delivery then over 100 ms; counted, they were the p99 of a
 * 5-minute hold. Nothing is exempt from the count of lost and duplicated changes.
 */
const WARM_UP_SECONDS = 20
const PROCESS_COUNTS = (process.env.BENCH_PROCESSES ?? '1,2,4').split(',').map(Number)
/** Guizhou's grid workers, each sending a fix every 10 s. */
const WORKFORCE = 145_400
const TICK_MS = 100
const REPORTS_PER_SECOND = 5
const CLIENTS = { province: 20, prefecture: 60, county: 120 }
/** Requests a gateway may have waiting for an answer; a tick finding more skips its batch (counted). */
const GATEWAY_IN_FLIGHT = 2

/** A unit, where it patrols, and the gateway that relays its fixes: its prefecture's (Guizhou has nine). */
type Unit = { id: number; lon: number; lat: number; gateway: string }

/** One patrol unit a grid worker, each in a grid of its township (the province seed has the workers' counts, not their units). */
async function workforce(db: Db, count: number): Promise<Unit[]> {
  const grids = await db.query<{ township: number; prefecture: string; lon: number; lat: number }>(`
    SELECT c.parent_id AS township, left(t.code, 4) AS prefecture, ST_X(p) AS lon, ST_Y(p) AS lat
    FROM grids g JOIN regions c ON c.id = g.community_id JOIN regions t ON t.id = c.parent_id, LATERAL ST_PointOnSurface(g.geom) p
    WHERE g.valid_to IS NULL ORDER BY g.id`)
  const units: Unit[] = []
  for (let from = 0; from < count; from += 10_000) {
    const n = Math.min(10_000, count - from)
    const codes = Array.from({ length: n }, (_, i) => `GZW${String(from + i).padStart(6, '0')}`)
    const rows = await db.query<{ id: number; code: string }>(
      `INSERT INTO patrol_units (code, kind, call_sign, region_id)
       SELECT code, 'grid_worker', '网格员' || code, township FROM unnest($1::text[], $2::int[]) AS u (code, township) RETURNING id, code`,
      [codes, codes.map((_, i) => grids[(from + i) % grids.length]!.township)])
    for (const { id, code } of rows) {
      const g = grids[Number(code.slice(3)) % grids.length]!
      units.push({ id, lon: g.lon, lat: g.lat, gateway: g.prefecture })
    }
  }
  return units
}

/** Delivery times in 1 ms buckets up to 60 s, from `from` (epoch ms) on: millions of deliveries without keeping each. */
class Histogram {
  private readonly buckets = new Uint32Array(60_001)
  count = 0
  from = Infinity
  add(ms: number, now: number): void {
    if (now < this.from) return
    this.buckets[Math.max(0, Math.min(60_000, Math.round(ms)))]!++
    this.count++
  }
  at(p: number): number {
    const want = Math.ceil((this.count * p) / 100)
    let seen = 0
    for (let i = 0; i < this.buckets.length; i++) if ((seen += this.buckets[i]!) >= want) return i
    return 60_000
  }
}

type Listener = { room: string; socket: Socket; hello: number; received: number; duplicated: number }

function listen(url: string, key: string, room: string, latency: Histogram, sentAt: Map<number, number>): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const socket = connect(url, { transports: ['websocket'], reconnection: false, auth: { protocol: PROTOCOL_VERSION, rooms: [room], key } })
    const l: Listener = { room, socket, hello: 0, received: 0, duplicated: 0 }
    let last = 0
    socket.on('live:changes', (changes: Change[]) => {
      const now = Date.now()
      for (const c of changes) {
        if (c.seq <= last) l.duplicated++
        last = Math.max(last, c.seq)
        l.received++
        if (c.entity === 'patrols') for (const u of c.data.units) latency.add(now - Date.parse(u.fixes.at(-1)!.at), now)
        else if (c.entity === 'case' && c.op === 'insert' && sentAt.has(c.data.id)) latency.add(now - sentAt.get(c.data.id)!, now)
      }
    })
    socket.once('live:hello', ({ seq }: { seq: number }) => {
      l.hello = seq
      last = seq
      resolve(l)
    })
    socket.once('connect_error', reject)
  })
}

/**
 * The changes each client should have had after its hello, from the log: a county hears everything of its
 * townships (a gateway's batch once, when any of its units is in the county), wider rooms cases only.
 */
async function expected(db: Db, listeners: Listener[]): Promise<number[]> {
  const counts = new Map<number, { area: string; cases: number; all: number }[]>()
  for (const hello of new Set(listeners.map((l) => l.hello))) {
    counts.set(hello, await db.query<{ area: string; cases: number; all: number }>(
      `SELECT area, count(*) FILTER (WHERE entity = 'case')::int AS cases, count(*)::int AS "all"
       FROM (
         SELECT DISTINCT c.seq, c.entity, left(t.code, 6) AS area
         FROM change_log c, LATERAL (
           SELECT c.payload->>'townshipCode' AS code WHERE c.entity <> 'patrols'
           UNION ALL SELECT u->>'townshipCode' FROM jsonb_array_elements(c.payload->'units') u WHERE c.entity = 'patrols'
         ) t
         WHERE c.seq > $1
       ) heard GROUP BY area`, [hello]))
  }
  return listeners.map((l) => {
    const [level, code] = l.room.split(':') as [string, string]
    const digits = level === 'province' ? 2 : level === 'prefecture' ? 4 : 6
    return counts.get(l.hello)!.filter((c) => c.area?.slice(0, digits) === code.slice(0, digits)).reduce((n, c) => n + (level === 'county' ? c.all : c.cases), 0)
  })
}

/**
 * Guizhou's grid workers' fixes (14,500 a second, each prefecture's gateway sending its units' fixes every 100 ms) and 5 reports a second,
 * held for `HOLD_SECONDS` with 200 walls and desks connected (the province's, its prefectures', its counties'),
 * on 1, 2 and 4 server processes over the same province store: what each held, and each change's delivery
 * time from its POST to each client that should have it (most of them across processes when there are several).
 */
export async function workersBench(pgUrl: string, redisUrl: string): Promise<Row[]> {
  const { db, url, drop } = await ownDatabase(pgUrl, 'workers_bench')
  const rows: Row[] = []
  try {
    await migrate(db)
    await seedProvince(db, { scale: SCALE })
    const units = await workforce(db, WORKFORCE)
    const accounts = accountCommands({ db, clock: systemClock })
    await accounts.add({ login: 'gz-gateway', displayName: '定位网关', role: 'service', scope: { region: GUIZHOU.code } })
    await accounts.add({ login: 'gz-leader', displayName: '省中心值班', role: 'duty_leader', scope: { region: GUIZHOU.code } })
    const gateway = (await accounts.issueKey('gz-gateway', 'bench')).key
    const leader = (await accounts.issueKey('gz-leader', 'bench')).key
    const areas = async (level: string) => (await db.query<{ code: string }>('SELECT code FROM regions WHERE level = $1 ORDER BY code', [level])).map((r) => r.code)
    const rooms = [
      ...Array.from({ length: CLIENTS.province }, () => `province:${GUIZHOU.code}`),
      ...(await areas('prefecture')).flatMap((c, _, all) => Array.from({ length: Math.ceil(CLIENTS.prefecture / all.length) }, () => `prefecture:${c}`)).slice(0, CLIENTS.prefecture),
      ...(await areas('county')).flatMap((c, _, all) => Array.from({ length: Math.ceil(CLIENTS.county / all.length) }, () => `county:${c}`)).slice(0, CLIENTS.county),
    ]
    const byGateway = new Map<string, Unit[]>()
    for (const u of units) {
      const own = byGateway.get(u.gateway)
      if (own) own.push(u)
      else byGateway.set(u.gateway, [u])
    }
    /** Each gateway's units, the fixes it sends a tick (a fix a unit every 10 s), where its round stands and its requests waiting. */
    const gateways = [...byGateway.values()].map((own) => ({ units: own, perTick: Math.round((own.length / 10) * (TICK_MS / 1000)), next: 0, waiting: 0 }))
    const perTick = gateways.reduce((n, g) => n + g.perTick, 0)

    for (const processes of PROCESS_COUNTS) {
      const port = 19_500 + (process.pid % 400)
      const env = { DATABASE_URL: url, DEMO_ACCOUNTS: '0', WORKERS: String(processes), ...(processes > 1 ? { REDIS_URL: redisUrl } : {}) }
      const server = await startServer('server/src/main.ts', env, port)
      const base = `http://127.0.0.1:${port}`
      const latency = new Histogram()
      const sentAt = new Map<number, number>()
      const listeners = await Promise.all(rooms.map((room) => listen(base, leader, room, latency, sentAt)))
      const agent = new http.Agent({ keepAlive: true, maxSockets: gateways.length * GATEWAY_IN_FLIGHT + 2 })
      let inFlight = 0
      let skipped = 0
      let failed = 0
      /** The first refusals, as answered: a refusal under load is a finding, not a count. */
      const refusals: string[] = []
      const refused = (why: string) => {
        failed++
        if (refusals.length < 3) refusals.push(why)
      }
      let fixes = 0
      let reports = 0
      const post = (path: string, body: unknown) => new Promise<{ id?: number } | null>((resolve) => {
        const data = JSON.stringify(body)
        inFlight++
        const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: {
          'content-type': 'application/json', 'content-length': Buffer.byteLength(data), authorization: `Bearer ${gateway}`,
        } }, (res) => {
          let text = ''
          res.on('data', (c: Buffer) => (text += c))
          res.on('end', () => {
            inFlight--
            if (res.statusCode! >= 300) refused(`${path} ${res.statusCode}: ${text.slice(0, 200)}`)
            resolve(res.statusCode! < 300 ? JSON.parse(text) as { id?: number } : null)
          })
        })
        req.on('error', (err) => { inFlight--; refused(`${path}: ${err.message}`); resolve(null) })
        req.end(data)
      })
      const started = Date.now() + WARM_UP_SECONDS * 1000
      latency.from = started
      const counting = () => Date.now() >= started
      const fixTimer = setInterval(() => {
        const at = new Date().toISOString()
        for (const g of gateways) {
          if (g.waiting >= GATEWAY_IN_FLIGHT) {
            skipped++
            continue
          }
          const batch = Array.from({ length: g.perTick }, () => g.units[g.next++ % g.units.length]!)
          g.waiting++
          void post('/api/v1/patrols/fixes', {
            units: batch.map((u) => ({ unitId: u.id, fixes: [{ at, location: [u.lon + (Math.random() - 0.5) * 1e-5, u.lat + (Math.random() - 0.5) * 1e-5] }] })),
          }).then((ok) => {
            g.waiting--
            if (ok && counting()) fixes += batch.length
          })
        }
      }, TICK_MS)
      const reportTimer = setInterval(() => {
        const u = units[Math.floor(Math.random() * units.length)]!
        const sent = Date.now()
        void post('/api/v1/cases', { category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: [u.lon, u.lat], description: 'bench' })
          .then((r) => { if (r?.id) { sentAt.set(r.id, sent); if (counting()) reports++ } })
      }, 1000 / REPORTS_PER_SECOND)
      await new Promise((r) => setTimeout(r, (WARM_UP_SECONDS + HOLD_SECONDS) * 1000))
      clearInterval(fixTimer)
      clearInterval(reportTimer)
      const held = (Date.now() - started) / 1000
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 50))
      // Every client has what it will get once nothing new has arrived for 3 s.
      let settled = -1
      for (;;) {
        const now = listeners.reduce((n, l) => n + l.received, 0)
        if (now === settled) break
        settled = now
        await new Promise((r) => setTimeout(r, 3000))
      }
      const owed = await expected(db, listeners)
      const lost = listeners.reduce((n, l, i) => n + Math.max(0, owed[i]! - (l.received - l.duplicated)), 0)
      const duplicated = listeners.reduce((n, l) => n + l.duplicated, 0)
      for (const l of listeners) l.socket.disconnect()
      agent.destroy()
      await stopServer(server)
      rows.push({
        measure: `${processes} process${processes > 1 ? 'es' : ''}${processes > 1 ? ' (Redis)' : ' (no Redis)'}: held ${Math.round(held)} s (after ${WARM_UP_SECONDS} s of the same load) with ${listeners.length} walls and desks; `
          + `fixes/s, reports/s; delivery p50 / p90 / p99 over ${latency.count.toLocaleString('en')} deliveries; lost, duplicated`,
        engine: 'pg',
        value: `${Math.round(fixes / held).toLocaleString('en')} fixes/s, ${(reports / held).toFixed(1)} reports/s; ${latency.at(50)} / ${latency.at(90)} / ${latency.at(99)} ms; ${lost} lost, ${duplicated} duplicated`,
        baseline: `asked ${Math.round((perTick * 1000) / TICK_MS).toLocaleString('en')} fixes/s + ${REPORTS_PER_SECOND} reports/s (${gateways.length} gateways, ${skipped} of their ticks skipped with ${GATEWAY_IN_FLIGHT} requests waiting, ${failed} refused${refusals.length ? `: ${refusals.join('; ')}` : ''}); target p99 ≤ 100 ms`,
      })
    }
  } finally {
    await drop()
  }
  return rows
}
