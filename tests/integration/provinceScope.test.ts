import { io, type Socket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Change, type Figures, type Kpis, type LiveSnapshot, type Me, PROTOCOL_VERSION, type Rankings } from '../../contract'
import { seedProvince } from '../../data/seedProvince'
import { manualClock } from '../../server/src/clock'
import type { Db } from '../../server/src/db/Db'
import { until } from '../support/live'
import { call, type Served, serve } from '../support/serve'
import { SEEDED_AT } from '../support/seededCity'
import { emptyDb } from '../support/testDb'

// A small province (2 prefectures × 2 counties × 3 townships × 4 communities) served with accounts at the
// province, a prefecture and a county: each sees its own area at every level and nothing beside it.

const PROVINCE = '520000000000'
let db: Db
let server: Served
let prefectures: string[]
let counties: string[]
const keys: Record<'province' | 'prefecture' | 'county', string> = { province: '', prefecture: '', county: '' }
const sockets: Socket[] = []

const bearer = (key: string) => ({ authorization: `Bearer ${key}` })
const get = async <T>(path: string, key: string) => {
  const { status, body } = await call(`${server.url}${path}`, 'GET', undefined, bearer(key))
  return { status, body: body as T }
}
const codes = async (sql: string, params: unknown[] = []) => (await db.query<{ code: string }>(sql, params)).map((r) => r.code)

async function account(login: string, region: string): Promise<string> {
  await server.accounts.add({ login, displayName: `${login} 值班`, role: 'duty_leader', scope: { region } })
  return (await server.accounts.issueKey(login, 'test')).key
}

beforeAll(async () => {
  db = await emptyDb()
  await seedProvince(db, { seed: 'province-scope', scale: 0, now: new Date(SEEDED_AT) })
  // One GeoJSON answer carries the largest county's grids here (20,000 in the app): a prefecture's, two counties', are more.
  const [{ most }] = await db.query<{ most: number }>(`
    SELECT max(n)::int AS most FROM (SELECT count(*) AS n FROM grids WHERE valid_to IS NULL GROUP BY left(code, 6)) c`) as [{ most: number }]
  server = await serve(db, { demoAccounts: false, clock: manualClock(new Date(SEEDED_AT)), geoJsonMaxGrids: most })
  prefectures = await codes(`SELECT code FROM regions WHERE level = 'prefecture' ORDER BY code`)
  counties = await codes(`SELECT code FROM regions WHERE level = 'county' AND code LIKE $1 ORDER BY code`, [`${prefectures[0]!.slice(0, 4)}%`])
  keys.province = await account('gz-leader', PROVINCE)
  keys.prefecture = await account('pf-leader', prefectures[0]!)
  keys.county = await account('ct-leader', counties[0]!)
}, 240_000)
afterEach(() => {
  for (const s of sockets.splice(0)) s.close()
})
afterAll(async () => {
  await server?.stop()
  await db?.close()
})

describe('a province store, read at every level', () => {
  it('tells the province-wide account it sees the whole store, and no one narrower', async () => {
    const wide = await get<Me>('/api/v1/me', keys.province)
    expect(wide.body).toMatchObject({ whole: true, scopeName: '贵州省' })
    for (const key of [keys.prefecture, keys.county]) expect((await get<Me>('/api/v1/me', key)).body.whole).toBe(false)
  })

  it("gives a county's KPIs as the sums of its townships'", async () => {
    const county = await get<Kpis>(`/api/v1/kpis?region=${counties[0]}`, keys.province)
    expect(county.status).toBe(200)
    const townships = await codes(`SELECT code FROM regions WHERE level = 'township' AND code LIKE $1 ORDER BY code`, [`${counties[0]!.slice(0, 6)}%`])
    expect(townships.length).toBeGreaterThan(1)
    const parts = await Promise.all(townships.map(async (t) => (await get<Kpis>(`/api/v1/kpis?region=${t}`, keys.province)).body))
    const sum = (pick: (k: Kpis) => number) => parts.reduce((s, k) => s + pick(k), 0)
    expect(county.body.disputes.year.found).toBeGreaterThan(0)
    expect(county.body.open).toBe(sum((k) => k.open))
    expect(county.body.overdue).toBe(sum((k) => k.overdue))
    expect(county.body.disputes.year.found).toBe(sum((k) => k.disputes.year.found))
    expect(county.body.disputes.year.resolved).toBe(sum((k) => k.disputes.year.resolved))
    // And the province's are the sums of its prefectures'.
    const province = await get<Kpis>('/api/v1/kpis', keys.province)
    const byPrefecture = await Promise.all(prefectures.map(async (p) => (await get<Kpis>(`/api/v1/kpis?region=${p}`, keys.province)).body))
    expect(province.body.disputes.year.found).toBeGreaterThan(county.body.disputes.year.found)
    expect(province.body.disputes.year.found).toBe(byPrefecture.reduce((s, k) => s + k.disputes.year.found, 0))
    expect(province.body.open).toBe(byPrefecture.reduce((s, k) => s + k.open, 0))
  })

  it('lets a prefecture see its counties and nothing beside them', async () => {
    const [own, other] = prefectures as [string, string]
    const mine = await get<Kpis>('/api/v1/kpis', keys.prefecture)
    expect(mine.status).toBe(200)
    expect(mine.body.region).toBe(own)
    expect((await get(`/api/v1/kpis?region=${counties[1]}`, keys.prefecture)).status).toBe(200)
    expect((await get(`/api/v1/kpis?region=${other}`, keys.prefecture)).status).toBe(403)
    expect((await get(`/api/v1/kpis?region=${PROVINCE}`, keys.prefecture)).status).toBe(403)
    expect((await get(`/api/v1/cases?region=${other}`, keys.prefecture)).status).toBe(403)

    const cases = await get<{ gridCode: string }[]>('/api/v1/cases?limit=500', keys.prefecture)
    expect(cases.status).toBe(200)
    expect(cases.body.length).toBeGreaterThan(0)
    expect(cases.body.every((c) => c.gridCode.startsWith(own.slice(0, 4)))).toBe(true)

    const figures = await get<Figures>('/api/v1/figures?period=year', keys.prefecture)
    expect(figures.status).toBe(200)
    expect(figures.body.byArea.map((a) => a.code)).toEqual(counties)
    const ranked = await get<Rankings>('/api/v1/rankings?unit=county&period=year', keys.prefecture)
    expect(ranked.body.rows.map((r) => r.code).sort()).toEqual(counties)

    const snapshot = await get<LiveSnapshot>('/api/v1/live/snapshot', keys.prefecture)
    expect(snapshot.body.cameras.length).toBeGreaterThan(0)
    expect(snapshot.body.cameras.every((c) => c.gridCode?.startsWith(own.slice(0, 4)))).toBe(true)
    expect(snapshot.body.covers.every((c) => c.gridCode.startsWith(own.slice(0, 4)))).toBe(true)

    // A county account sees its own county only.
    expect((await get(`/api/v1/kpis?region=${counties[1]}`, keys.county)).status).toBe(403)
    expect((await get(`/api/v1/kpis?region=${own}`, keys.county)).status).toBe(403)
  })

  it('answers grids as GeoJSON up to the most one answer carries, and past it names the tiles instead', async () => {
    const whole = await get<{ code: string; issues: { field: string; reason: string }[] }>('/api/v1/grids', keys.province)
    expect(whole.status).toBe(400)
    expect(whole.body.code).toBe('too_many_grids')
    expect(whole.body.issues).toEqual([{ field: 'bbox', reason: expect.stringContaining('/tiles/grids/{z}/{x}/{y}.mvt') }])
    expect((await get(`/api/v1/grids?region=${prefectures[0]}`, keys.province)).status).toBe(400)
    const county = await get<{ features: { properties: { code: string } }[] }>(`/api/v1/grids?region=${counties[0]}`, keys.province)
    expect(county.status).toBe(200)
    const inCounty = await codes(`SELECT code FROM grids WHERE valid_to IS NULL AND code LIKE $1 ORDER BY code`, [`${counties[0]!.slice(0, 6)}%`])
    expect(inCounty.length).toBeGreaterThan(0)
    expect(county.body.features.map((f) => f.properties.code)).toEqual(inCounty)
  })

  it("starts a screen that follows an area from that area's snapshot: a prefecture's its cases only, a county's everything in it", async () => {
    const [own, other] = prefectures as [string, string]
    const wide = await get<LiveSnapshot>(`/api/v1/live/snapshot?area=${own}`, keys.province)
    expect(wide.status).toBe(200)
    const openIn = async (prefix: string) => (await db.query<{ id: number }>(`
      SELECT c.id::int FROM cases c JOIN grids g ON g.id = c.grid_id WHERE c.state <> 'closed' AND g.code LIKE $1 ORDER BY c.id`, [`${prefix}%`])).map((r) => r.id)
    expect(wide.body.cases.map((c) => c.id)).toEqual(await openIn(own.slice(0, 4)))
    expect([wide.body.cameras, wide.body.patrols, wide.body.covers, wide.body.visits]).toEqual([[], [], [], []])
    const whole = (await get<LiveSnapshot>(`/api/v1/live/snapshot?area=${PROVINCE}`, keys.province)).body
    expect(whole.cases.length).toBeGreaterThan(wide.body.cases.length)
    expect(whole.cameras).toEqual([])

    const county = counties[0]!
    const narrow = await get<LiveSnapshot>(`/api/v1/live/snapshot?area=${county}`, keys.prefecture)
    expect(narrow.body.cameras.length).toBeGreaterThan(0)
    expect(narrow.body.cameras.every((c) => c.gridCode?.startsWith(county.slice(0, 6)))).toBe(true)
    expect(narrow.body.cases.map((c) => c.id)).toEqual(await openIn(county.slice(0, 6)))

    expect((await get(`/api/v1/live/snapshot?area=${other}`, keys.prefecture)).status).toBe(403)
    expect((await get(`/api/v1/live/snapshot?area=${own}`, keys.county)).status).toBe(403)
    const malformed = await get<{ issues: { field: string }[] }>('/api/v1/live/snapshot?area=52', keys.province)
    expect(malformed.status).toBe(400)
    expect(malformed.body.issues.map((i) => i.field)).toEqual(['area'])
  })

  it("streams a prefecture's room its cases only, and refuses it the whole store's", async () => {
    const [own, other] = prefectures as [string, string]
    const open = (rooms: string[], key: string) => {
      const s = io(server.url, { transports: ['websocket'], reconnection: false, auth: { protocol: PROTOCOL_VERSION, rooms, key } })
      sockets.push(s)
      return s
    }
    const refused = open(['city'], keys.prefecture)
    expect(await new Promise<string>((resolve) => refused.once('connect_error', (e) => resolve(e.message)))).toMatch(/^forbidden: city/)
    const outside = open([`prefecture:${other}`], keys.prefecture)
    expect(await new Promise<string>((resolve) => outside.once('connect_error', (e) => resolve(e.message)))).toMatch(/^forbidden/)

    const watcher = open([`prefecture:${own}`], keys.prefecture)
    const seen: Change[] = []
    watcher.on('live:changes', (changes: Change[]) => seen.push(...changes))
    await new Promise<void>((resolve, reject) => {
      watcher.once('live:hello', () => resolve())
      watcher.once('connect_error', reject)
    })
    const report = async (prefecture: string) => {
      const [at] = await db.query<{ lon: number; lat: number }>(`
        SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM grids WHERE valid_to IS NULL AND code LIKE $1 ORDER BY code LIMIT 1) g`,
        [`${prefecture.slice(0, 4)}%`])
      const made = await call(`${server.url}/api/v1/cases`, 'POST',
        { category: 'hazard', kind: 'fire', source: 'police_110', location: [at!.lon, at!.lat] }, bearer(keys.province))
      expect(made.status).toBe(201)
      return (made.body as { id: number }).id
    }
    const elsewhere = await report(other)
    const inside = await report(own)
    await until(() => seen.some((c) => c.entity === 'case' && c.data.id === inside), 'the case in the prefecture')
    expect(seen.some((c) => c.entity === 'case' && c.data.id === elsewhere)).toBe(false)
    expect(seen.every((c) => c.entity === 'case' && c.data.townshipCode?.startsWith(own.slice(0, 4)))).toBe(true)
  })

  it("takes a prefecture's gateway's batches of its own units, and refuses the batch holding another prefecture's, writing nothing", async () => {
    const [own, other] = prefectures as [string, string]
    await server.accounts.add({ login: 'pf-gateway', displayName: '市州定位网关', role: 'service', scope: { region: own } })
    const key = (await server.accounts.issueKey('pf-gateway', 'test')).key
    // A grid worker's unit in a township of each prefecture, at a point of one of its grids.
    const units = await db.query<{ id: number }>(`
      INSERT INTO patrol_units (code, kind, call_sign, region_id)
      SELECT 'GW-' || p.code, 'grid_worker', '网格员', t.id
      FROM unnest($1::text[]) AS p (code)
      CROSS JOIN LATERAL (SELECT id FROM regions WHERE level = 'township' AND starts_with(code, left(p.code, 4)) ORDER BY code LIMIT 1) t
      RETURNING id`, [[own, other]])
    type UnitFixes = { unitId: number; fixes: { at: string; location: [number, number] }[] }
    const [mine, theirs] = await Promise.all(units.map(async (u): Promise<UnitFixes> => {
      const [at] = await db.query<{ lon: number; lat: number }>(`
        SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
          SELECT ST_PointOnSurface(g.geom) AS p FROM grids g JOIN regions c ON c.id = g.community_id
          WHERE g.valid_to IS NULL AND c.parent_id = (SELECT region_id FROM patrol_units WHERE id = $1) ORDER BY g.code LIMIT 1) g`, [u.id])
      return { unitId: u.id, fixes: [{ at: new Date(SEEDED_AT).toISOString(), location: [at!.lon, at!.lat] }] }
    })) as [UnitFixes, UnitFixes]
    const stored = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM patrol_fixes WHERE unit_id = ANY($1::int[])', [[mine.unitId, theirs.unitId]]))[0]!.n
    const post = (batch: UnitFixes[]) => call(`${server.url}/api/v1/patrols/fixes`, 'POST', { units: batch }, bearer(key))

    const refused = await post([mine, theirs])
    expect(refused.status).toBe(404)
    expect(JSON.stringify(refused.body)).toContain(`id ${theirs.unitId}`)
    expect(await stored()).toBe(0)
    const taken = await post([mine])
    expect(taken.status).toBe(202)
    expect(taken.body).toEqual({ units: 1, fixes: 1 })
    expect(await stored()).toBe(1)
  })
})
