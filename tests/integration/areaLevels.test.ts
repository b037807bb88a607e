import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedProvince } from '../../data/seedProvince'
import { AreaProfile, type CaseSummary, type ChildArea, Kpis, WideAreaProfile } from '../../contract'
import { manualClock } from '../../server/src/clock'
import type { Db } from '../../server/src/db/Db'
import { SEEDED_AT } from '../support/seededCity'
import { as, call, serve, type Served, type Who } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'
import { seededDb } from '../support/testDb'

const HOUR = 3_600_000

/** What a list of child areas adds up to: grids, open and overdue cases. */
const sums = (children: readonly ChildArea[]) => ({
  grids: children.reduce((s, c) => s + c.grids, 0),
  open: children.reduce((s, c) => s + c.open, 0),
  overdue: children.reduce((s, c) => s + c.overdue, 0),
})

/** The requests of one served store, as one account or another. */
function client(server: () => Served) {
  const get = (path: string, who: Who = 'dutyLeader') => call(server().url + path, 'GET', undefined, as[who])
  return {
    get,
    async wide(level: string, code: string, who: Who = 'dutyLeader'): Promise<WideAreaProfile> {
      const { status, body } = await get(`/api/v1/areas/${level}/${code}`, who)
      expect(status, JSON.stringify(body)).toBe(200)
      return WideAreaProfile.parse(body)
    },
    async kpis(region: string): Promise<Kpis> {
      const { status, body } = await get(`/api/v1/kpis?region=${region}`)
      expect(status, JSON.stringify(body)).toBe(200)
      return Kpis.parse(body)
    },
    async report(db: Db, grid: string): Promise<CaseSummary> {
      const { status, body } = await call(`${server().url}/api/v1/cases`, 'POST', {
        category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: await pointInGrid(db, grid), description: '邻里纠纷',
      }, as.dutyLeader)
      expect(status, JSON.stringify(body)).toBe(201)
      return body as CaseSummary
    },
  }
}

/** Each child's grids, open and overdue cases as the store counts them, by the child's code prefix. */
async function storeCounts(db: Db, children: readonly ChildArea[], now: Date) {
  return Promise.all(children.map(async (c) => {
    const [row] = await db.query<{ grids: number; open: number; overdue: number }>(`
      SELECT (SELECT count(*)::int FROM grids WHERE valid_to IS NULL AND code LIKE region_prefix($1) || '%') AS grids,
             count(*)::int AS open, (count(*) FILTER (WHERE c.due_at < $2))::int AS overdue
      FROM cases c JOIN regions t ON t.id = c.township_id
      WHERE c.state <> 'closed' AND t.code LIKE region_prefix($1) || '%'`, [c.code, now])
    return { code: c.code, ...row! }
  }))
}

describe('the demo city as a county', () => {
  const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + HOUR))
  const city = servedCity({ clock })
  const api = client(() => city.server)
  const COUNTY = '231281000000'
  const XINXING = '231281001000'

  it('gives the store’s top region: its townships, each with its grids and open and overdue cases, adding up to the county’s', async () => {
    // Two reports let run past the grid's three days in two townships, one just in.
    const [{ code: rural }] = await city.db.query<{ code: string }>(`SELECT min(code) AS code FROM grids WHERE code LIKE '231281107%'`) as [{ code: string }]
    await api.report(city.db, '231281001001001')
    await api.report(city.db, rural)
    clock.advance(80 * HOUR)
    await api.report(city.db, '231281001001002')
    const now = clock.now()

    const p = await api.wide('county', COUNTY)
    const townships = await city.db.query<{ code: string; name: string; kind: string; households: number }>(
      `SELECT code, name, kind, households FROM regions WHERE level = 'township' ORDER BY code`)
    expect(p).toMatchObject({ at: now.toISOString(), level: 'county', code: COUNTY, name: '安达市', kind: 'city', parents: [] })
    expect(p.children.map(({ code, name, kind, households, level }) => ({ code, name, kind, households, level })))
      .toEqual(townships.map((t) => ({ ...t, level: 'township' })))
    expect(p.children.map(({ code, grids, open, overdue }) => ({ code, grids, open, overdue }))).toEqual(await storeCounts(city.db, p.children, now))

    // The children add up to the county: its grids and posts, and its figures as /kpis gives them.
    const kpis = await api.kpis(COUNTY)
    const [posts] = await city.db.query<{ grids: number; leaders: number; fulltime: number; parttime: number; households: number }>(`
      SELECT count(*)::int AS grids, sum(leaders)::int AS leaders, sum(fulltime_workers)::int AS fulltime, sum(parttime_workers)::int AS parttime,
             (SELECT households FROM regions WHERE code = $1) AS households
      FROM grids WHERE valid_to IS NULL`, [COUNTY])
    expect(sums(p.children)).toEqual({ grids: posts!.grids, open: kpis.open, overdue: kpis.overdue })
    expect(posts!.grids).toBe(1011)
    expect(kpis.overdue).toBeGreaterThan(0)
    expect(p.responsible).toMatchObject({
      households: posts!.households, grids: posts!.grids, leaders: posts!.leaders, fulltimeWorkers: posts!.fulltime, parttimeWorkers: posts!.parttime,
      committees: { township: 18, community: 164 },
    })
    // Each township's own figures are its entry's.
    for (const child of p.children.filter((c) => c.code === XINXING || c.code === '231281107000')) {
      const k = await api.kpis(child.code)
      expect({ open: child.open, overdue: child.overdue }, child.name).toEqual({ open: k.open, overdue: k.overdue })
    }
    const [cams] = await city.db.query<{ online: number; offline: number; faulty: number }>(`
      SELECT count(*) FILTER (WHERE state = 'online')::int AS online, count(*) FILTER (WHERE state = 'offline')::int AS offline,
             count(*) FILTER (WHERE state = 'faulty')::int AS faulty
      FROM cameras WHERE township_code LIKE '231281%'`)
    expect(p.cover.cameraStates).toEqual(cams)
    expect(p.geometry.type).toBe('MultiPolygon')
    expect(p.children.every((c) => c.geometry.type === 'MultiPolygon' && c.geometry.coordinates.length > 0)).toBe(true)
  })

  it('gives a township and a grid their parents up to the county', async () => {
    const { body: t } = await api.get(`/api/v1/areas/township/${XINXING}`)
    expect(AreaProfile.parse(t).parents.map((r) => r.code)).toEqual([COUNTY])
    const { body: g } = await api.get('/api/v1/areas/grid/231281001001001')
    expect(AreaProfile.parse(g).parents.map((r) => [r.code, r.level])).toEqual([['231281001001', 'community'], [XINXING, 'township'], [COUNTY, 'county']])
  })

  it('refuses the county to a township’s officer, a community’s and a grid worker, and gives the officer their township', async () => {
    for (const who of ['townshipOfficer', 'communityOfficer', 'gridWorker', 'departmentOfficer'] as const) {
      const { status, body } = await api.get(`/api/v1/areas/county/${COUNTY}`, who)
      expect(status, who).toBe(403)
      expect(body, who).toMatchObject({ code: 'out_of_scope' })
    }
    expect((await api.get(`/api/v1/areas/township/${XINXING}`, 'townshipOfficer')).status).toBe(200)
    expect((await api.get('/api/v1/areas/township/231281002000', 'townshipOfficer')).status).toBe(403)
  })

  it('answers a code of another level with a 404 naming it, and an area beyond the store’s with a 403', async () => {
    for (const [path, message] of [
      [`county/${XINXING}`, `no county with code ${XINXING}`],
      [`prefecture/${COUNTY}`, `no prefecture with code ${COUNTY}`],
      [`province/${COUNTY}`, `no province with code ${COUNTY}`],
    ] as const) {
      const { status, body } = await api.get(`/api/v1/areas/${path}`)
      expect(status, path).toBe(404)
      expect(body).toEqual({ code: 'not_found', message })
    }
    expect((await api.get('/api/v1/areas/prefecture/231200000000')).status).toBe(403)
    expect((await api.get('/api/v1/areas/county/231281')).status).toBe(400)
  })
})

describe('a small province: province → prefecture → county → township → grid', () => {
  const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + HOUR))
  let db: Db
  let server: Served
  const api = client(() => server)
  const PROVINCE = '520000000000'

  beforeAll(async () => {
    db = await seededDb()
    // Served first: the demo accounts are made for the city they name, then given areas of the province.
    server = await serve(db, { clock })
    await seedProvince(db, { scale: 0, replace: true, now: new Date(SEEDED_AT) })
    // The centre's duty leader sees the province; an analyst the first prefecture; a township officer one township of it.
    const [prefecture, township] = await db.query<{ code: string }>(`
      (SELECT code FROM regions WHERE level = 'prefecture' ORDER BY code LIMIT 1)
      UNION ALL (SELECT code FROM regions WHERE level = 'township' ORDER BY code LIMIT 1)`)
    await db.query(`UPDATE accounts SET scope_region = $1 WHERE login = 'leader'`, [PROVINCE])
    await db.query(`UPDATE accounts SET scope_region = $1 WHERE login = 'analyst'`, [prefecture!.code])
    await db.query(`UPDATE accounts SET scope_region = $1 WHERE login = 'xinxing'`, [township!.code])
  })
  afterAll(async () => {
    await server?.stop()
    await db?.close()
  })

  it('drills from the province to a grid, each level’s children adding up to their parent’s entry, its parents up to the province', async () => {
    // Open cases in more than one prefecture, some of them past due.
    const grids = await db.query<{ code: string }>(`SELECT DISTINCT ON (left(code, 4)) code FROM grids WHERE valid_to IS NULL ORDER BY left(code, 4), code`)
    expect(grids.length).toBe(2)
    for (const g of grids) await api.report(db, g.code)
    clock.advance(80 * HOUR)
    await api.report(db, grids[0]!.code)
    const now = clock.now()

    const province = await api.wide('province', PROVINCE)
    expect(province).toMatchObject({ level: 'province', kind: 'province', name: '贵州省', parents: [] })
    expect(province.children.map((c) => c.level)).toEqual(['prefecture', 'prefecture'])
    const kpis = await api.kpis(PROVINCE)
    expect(sums(province.children)).toEqual({ grids: province.responsible.grids, open: kpis.open, overdue: kpis.overdue })
    expect(province.responsible.grids).toBe(336)
    expect(kpis.overdue).toBeGreaterThan(0)
    expect(province.children.map(({ code, grids, open, overdue }) => ({ code, grids, open, overdue }))).toEqual(await storeCounts(db, province.children, now))

    let parent: WideAreaProfile = province
    for (const level of ['prefecture', 'county'] as const) {
      const entry = parent.children[0]!
      const p = await api.wide(level, entry.code)
      expect(p.parents.map((r) => r.code)).toEqual([parent.code, ...parent.parents.map((r) => r.code)])
      expect(p.children.length).toBeGreaterThan(1)
      expect(p.children.every((c) => c.code.startsWith(entry.code.replace(/0+$/, '')))).toBe(true)
      expect({ ...sums(p.children), name: p.name }).toEqual({ grids: entry.grids, open: entry.open, overdue: entry.overdue, name: entry.name })
      expect(p.responsible.grids).toBe(entry.grids)
      expect(p.children.map(({ code, grids, open, overdue }) => ({ code, grids, open, overdue }))).toEqual(await storeCounts(db, p.children, now))
      parent = p
    }
    expect(parent.children.map((c) => c.level)).toEqual(parent.children.map(() => 'township'))

    const { body: grid } = await api.get(`/api/v1/areas/grid/${grids[0]!.code}`)
    const chain = AreaProfile.parse(grid).parents
    expect(chain.map((r) => r.level)).toEqual(['community', 'township', 'county', 'prefecture', 'province'])
    expect(chain.slice(2).map((r) => r.code)).toEqual([parent.code, ...parent.parents.map((r) => r.code)])
  })

  it('gives a prefecture’s account its prefecture and counties and nothing beside them; a township’s officer not its county', async () => {
    const prefectures = (await api.wide('province', PROVINCE)).children
    const [own, other] = prefectures
    const mine = await api.wide('prefecture', own!.code, 'analyst')
    expect(mine.children.length).toBeGreaterThan(1)
    for (const county of mine.children) expect((await api.get(`/api/v1/areas/county/${county.code}`, 'analyst')).status).toBe(200)
    const beside = (await api.get(`/api/v1/areas/prefecture/${other!.code}`)).body as WideAreaProfile
    for (const path of [`province/${PROVINCE}`, `prefecture/${other!.code}`, `county/${beside.children[0]!.code}`]) {
      const { status, body } = await api.get(`/api/v1/areas/${path}`, 'analyst')
      expect(status, path).toBe(403)
      expect(body).toMatchObject({ code: 'out_of_scope' })
    }
    const county = mine.children[0]!
    const { body: own1 } = await api.get(`/api/v1/areas/county/${county.code}`)
    const township = (own1 as WideAreaProfile).children[0]!
    expect((await api.get(`/api/v1/areas/township/${township.code}`, 'townshipOfficer')).status).toBe(200)
    expect((await api.get(`/api/v1/areas/county/${county.code}`, 'townshipOfficer')).status).toBe(403)
  })
})
