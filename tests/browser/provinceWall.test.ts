import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientAssets } from '../../server/src/api/clientAssets'
import { CLIENT_DIST } from '../../server/src/clientBuild'
import type { Db } from '../../server/src/db/Db'
import { launchChromium, offMachineRequests, pixelShares, screenshotDir } from '../support/browser'
import { DESK, wallContext } from '../support/browserSession'
import { as, call, serve, type Served } from '../support/serve'
import { pointInGrid } from '../support/servedCity'
import { seededDb } from '../support/testDb'
import { CASE_POINTS_ZOOM } from '../../client/src/wall/wallLayers'

const K4 = { width: 3840, height: 2160 }
const PROVINCE = '230000000000'
const SUIHUA = '231200000000'
const DAQING = '230600000000'
const ANDA = '231281000000'

/**
 * A small province round the demo city, in the seeded store: 黑龙江省 over two prefectures, 绥化市 holding
 * 安达市 (its real place in the hierarchy) and 大庆市 with one district, street, community and grid west of it.
 * Boxes, not boundaries: the province spans 8° of longitude, as a real one does, so its wall frames it far
 * out (zoom 7), where cases are binned; the demo province seed's smallest scale is a few hundred km² (a zoom
 * where every case is a point anyway) and takes longer to build.
 */
async function addProvince(db: Db): Promise<void> {
  await db.exec(`
    DO $$
    DECLARE
      split float8 := (SELECT ST_XMin(geom) - 0.3 FROM regions WHERE code = '${ANDA}');
      box geometry := ST_MakeEnvelope(121.2, 43.4, 129.2, 49.2, 4326);
      west geometry := ST_MakeEnvelope(121.2, 43.4, split, 49.2, 4326);
      east geometry := ST_MakeEnvelope(split, 43.4, 129.2, 49.2, 4326);
      district geometry := ST_MakeEnvelope(split - 1.2, 46.0, split - 0.4, 46.6, 4326);
      province integer; prefecture integer; county integer; township integer; community integer;
    BEGIN
      INSERT INTO regions (code, name, level, kind, seat, geom)
        VALUES ('${PROVINCE}', '黑龙江省', 'province', 'province', ST_PointOnSurface(box), ST_Multi(box)) RETURNING id INTO province;
      INSERT INTO regions (code, name, level, kind, parent_id, seat, geom)
        VALUES ('${SUIHUA}', '绥化市', 'prefecture', 'city', province, ST_PointOnSurface(east), ST_Multi(east)) RETURNING id INTO prefecture;
      UPDATE regions SET parent_id = prefecture WHERE code = '${ANDA}';
      INSERT INTO regions (code, name, level, kind, parent_id, seat, geom)
        VALUES ('${DAQING}', '大庆市', 'prefecture', 'city', province, ST_PointOnSurface(west), ST_Multi(west)) RETURNING id INTO prefecture;
      INSERT INTO regions (code, name, level, kind, parent_id, geom)
        VALUES ('230604000000', '让胡路区', 'county', 'district', prefecture, ST_Multi(district)) RETURNING id INTO county;
      INSERT INTO regions (code, name, level, kind, parent_id, geom)
        VALUES ('230604001000', '喇嘛甸镇', 'township', 'street', county, ST_Multi(district)) RETURNING id INTO township;
      INSERT INTO regions (code, name, level, kind, parent_id, geom)
        VALUES ('230604001001', '喇嘛甸社区', 'community', 'community', township, ST_Multi(district)) RETURNING id INTO community;
      INSERT INTO grids (code, name, community_id, kind, households, geom, valid_from)
        VALUES ('230604001001001', '喇嘛甸第一网格', community, 'urban', 300, ST_Multi(district), '2024-01-01T00:00:00Z');
    END
    $$`)
}

type Handle = {
  map: {
    getZoom(): number
    project(p: [number, number]): { x: number; y: number }
    getStyle(): { sources: Record<string, { type: string }> }
    getFeatureState(f: { source: string; sourceLayer: string; id: string }): Record<string, unknown>
    queryRenderedFeatures(o: { layers: string[] }): { properties: Record<string, unknown> }[]
  }
  deck: { pickObject(o: object): { layer?: { id: string }; object?: { count?: number } } | null }
}

let db: Db
let server: Served
let browser: Browser

beforeAll(async () => {
  db = await seededDb()
  await addProvince(db)
  server = await serve(db, { client: clientAssets(CLIENT_DIST, db) })
  // The wall display of the province's command centre: its scope the whole store.
  await db.query(`UPDATE accounts SET scope_region = $1 WHERE login = 'wall'`, [PROVINCE])
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await db?.close()
})

/** What a page asked the server for (paths), and the rooms its live stream's handshake named. */
function watch(page: Page): { paths: string[]; failed: string[]; rooms: () => string[] } {
  const paths: string[] = []
  const failed: string[] = []
  const frames: string[] = []
  page.on('request', (r) => paths.push(new URL(r.url()).pathname + new URL(r.url()).search))
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`) })
  page.on('websocket', (ws) => ws.on('framesent', (f) => frames.push(String(f.payload))))
  const rooms = () => [...new Set(frames.flatMap((f) => {
    const connect = /^40(\{.*\})$/.exec(f)
    return connect ? (JSON.parse(connect[1]!) as { rooms: string[] }).rooms : []
  }))]
  return { paths, failed, rooms }
}

async function openWall(path: string, viewport = K4): Promise<{ page: Page; seen: ReturnType<typeof watch> }> {
  const page = await (await wallContext(browser, server.url, { viewport })).newPage()
  const seen = watch(page)
  await page.goto(server.url + path)
  await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
  await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
  return { page, seen }
}

const handle = (page: Page) => page.evaluateHandle(() => (window as unknown as { commandCentre: Handle }).commandCentre)

describe('the wall of any area of a province', () => {
  it('at 4K names the province, shades its prefectures by overdue cases, bins the cases in hexagons, and draws from the tiles', async () => {
    const page = await (await wallContext(browser, server.url, { viewport: K4 })).newPage()
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(err.message))
    const leaks = offMachineRequests(page)
    const seen = watch(page)
    await page.goto(`${server.url}/wall?area=${PROVINCE}`)
    await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    // The target is the city's (3 s), timed as bench/wall.ts times it; logged every run, not bound here, where other suites share the cores.
    const firstFrame = await page.evaluate(() => performance.getEntriesByName('first-complete-frame')[0]!.startTime)
    console.log(`[province wall] first complete frame at 4K: ${Math.round(firstFrame)} ms after navigation`)
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
    const centre = await handle(page)

    // Named by its area, not in code.
    expect(await page.getByTestId('centre-name').textContent()).toBe('黑龙江省社会治理指挥中心')
    expect(await page.title()).toBe('指挥大屏 · 黑龙江省')
    expect(await page.locator('.wall').getAttribute('data-tiled')).toBe('true')
    expect(await page.getByTestId('legend').getAttribute('data-theme')).toBe('wide')
    await expect.poll(() => page.getByTestId('wall-ranking').locator('h2').textContent()).toContain('市（州）排名')

    // Its room is the province's: cases, not every patrol fix.
    expect(seen.rooms()).toEqual([`province:${PROVINCE}`])

    // The base map from the vector tiles, every one answered; not a byte of the store's GeoJSON.
    const sources = await page.evaluate((h) => Object.fromEntries(Object.entries(h.map.getStyle().sources).map(([id, s]) => [id, s.type])), centre)
    expect(sources).toMatchObject({ regions: 'vector', grids: 'vector' })
    const tiles = seen.paths.filter((p) => p.startsWith('/tiles/'))
    expect(tiles.length).toBeGreaterThan(0)
    expect(tiles.every((p) => p.startsWith('/tiles/regions/'))).toBe(true)
    expect(seen.paths.filter((p) => /^\/api\/v1\/(grids|roads)(\?|$)/.test(p))).toEqual([])
    expect(seen.failed).toEqual([])

    // Its prefectures on the map, the one with overdue cases shaded (安达市's lie in 绥化市), the other not.
    const overdue = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE state <> 'closed' AND due_at < now()`))[0]!.n
    expect(overdue).toBeGreaterThan(0)
    await expect.poll(() => page.evaluate(({ h, children }) => {
      const shaded = (id: string) => Number(h.map.getFeatureState({ source: 'regions', sourceLayer: 'regions', id })['shadeShare'] ?? 0) > 0
      return {
        drawn: [...new Set(h.map.queryRenderedFeatures({ layers: ['child-fill'] }).map((f) => f.properties['code']))].sort(),
        shaded: children.filter(shaded),
      }
    }, { h: centre, children: [DAQING, SUIHUA] })).toEqual({ drawn: [DAQING, SUIHUA], shaded: [SUIHUA] })

    // The cases binned in hexagons this far out: one under an open case holds it.
    expect(await page.evaluate((h) => h.map.getZoom(), centre)).toBeLessThan(CASE_POINTS_ZOOM)
    const [open] = await db.query<{ lon: number; lat: number }>(`SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM cases WHERE state <> 'closed' ORDER BY id LIMIT 1`)
    const at = [open!.lon, open!.lat] as [number, number]
    const hexagons = () => page.evaluate(({ h, at }) => {
      const p = h.map.project(at)
      const picked = (layerIds: string[]) => h.deck.pickObject({ x: p.x, y: p.y, radius: 2, layerIds })
      const hexagon = picked(['case-hexagons'])
      return { layer: hexagon?.layer?.id ?? null, holding: (hexagon?.object?.count ?? 0) > 0, point: picked(['cases']) !== null }
    }, { h: centre, at })
    await expect.poll(hexagons).toEqual({ layer: 'case-hexagons', holding: true, point: false })

    // A case reported in the province reaches the wall through the province's room.
    const res = await call(`${server.url}/api/v1/cases`, 'POST', {
      category: 'hazard', kind: 'fire', source: 'grid_worker', location: await pointInGrid(db, '231281001001001'), description: '楼道堆放杂物',
    }, as.gridWorker)
    expect(res.status).toBe(201)
    await expect.poll(() => page.getByTestId('ticker').textContent(), { timeout: 10_000 }).toContain((res.body as { code: string }).code)

    const png = await page.screenshot({ path: join(screenshotDir(), 'wall-province.png') })
    const { dark, lit } = await pixelShares(page, png, 97)
    expect(dark).toBeGreaterThan(0.5)
    expect(lit).toBeGreaterThan(0.15)
    expect(errors).toEqual([])
    expect(leaks).toEqual([])
    await page.context().close()
  })

  it('as the province\'s own wall (/wall) starts no read before its account is known, and follows the province from its cases', async () => {
    const served = await fetch(`${server.url}/wall`)
    expect(served.headers.get('link')).toBeNull()
    expect(await served.text()).toContain('<meta name="store-top" content="province">')
    const { page, seen } = await openWall('/wall')
    expect(await page.getByTestId('centre-name').textContent()).toBe('黑龙江省社会治理指挥中心')
    expect(seen.rooms()).toEqual([`province:${PROVINCE}`])
    expect(seen.paths.filter((p) => p.startsWith('/api/v1/live/snapshot'))).toEqual([`/api/v1/live/snapshot?area=${PROVINCE}`])
    expect(seen.paths.filter((p) => /^\/api\/v1\/(grids|roads|regions)$/.test(p))).toEqual([])
    expect(seen.failed).toEqual([])
    await page.context().close()
  })

  it('shows a prefecture asked for by its code: its name, its counties, its own figures and room', async () => {
    const { page, seen } = await openWall(`/wall?area=${SUIHUA}`)
    expect(await page.getByTestId('centre-name').textContent()).toBe('绥化市社会治理指挥中心')
    expect(await page.locator('.wall').getAttribute('data-tiled')).toBe('true')
    expect(seen.rooms()).toEqual([`prefecture:${SUIHUA}`])
    for (const read of ['/api/v1/figures?period=day&area=', '/api/v1/wall/hourly?region=', '/api/v1/wall/attention?region=', '/api/v1/kpis?']) {
      expect(seen.paths.some((p) => p.startsWith(read) && p.includes(SUIHUA)), read).toBe(true)
    }
    await expect.poll(() => page.getByTestId('wall-ranking').locator('h2').textContent()).toContain('县（市、区）排名')
    // Its one county, 安达市, holds every overdue case: shaded.
    const h = await handle(page)
    await expect.poll(() => page.evaluate(({ h, id }) => Number(h.map.getFeatureState({ source: 'regions', sourceLayer: 'regions', id })['shadeShare'] ?? 0) > 0, { h, id: ANDA }))
      .toBe(true)
    expect(seen.failed).toEqual([])
    await page.context().close()
  })

  // At 1080p: what is asked here is which base it draws, not how fast at 4K.
  it('shows a county asked for inside the province as the city\'s wall: from its own GeoJSON, framed to it, its townships ranked', async () => {
    const { page, seen } = await openWall(`/wall?area=${ANDA}`, DESK)
    expect(await page.getByTestId('centre-name').textContent()).toBe('安达市社会治理指挥中心')
    expect(await page.locator('.wall').getAttribute('data-tiled')).toBe('false')
    expect(Number(await page.getByTestId('city-map').getAttribute('data-rendered-grids'))).toBeGreaterThan(900)
    expect(seen.rooms()).toEqual([`county:${ANDA}`])
    expect(seen.paths).toContain(`/api/v1/grids?region=${ANDA}`)
    expect(seen.paths.filter((p) => p.startsWith('/tiles/'))).toEqual([])
    await expect.poll(() => page.getByTestId('wall-ranking').locator('h2').textContent()).toContain('乡镇排名')
    expect(seen.failed).toEqual([])
    await page.context().close()
  })
})
