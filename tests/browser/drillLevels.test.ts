import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedProvince } from '../../data/seedProvince'
import { type DrillTarget, drillPath } from '../../client/src/drill/drillRoute'
import { WideAreaProfile } from '../../contract'
import { clientAssets } from '../../server/src/api/clientAssets'
import { CLIENT_DIST } from '../../server/src/clientBuild'
import type { Db } from '../../server/src/db/Db'
import { launchChromium, mapSettled, offMachineRequests, screenshotDir } from '../support/browser'
import { browserCity } from '../support/browserCity'
import { signedInContext } from '../support/browserSession'
import { as, call, LOGINS, serve, type Served } from '../support/serve'
import { seededDb } from '../support/testDb'

const PROVINCE = '520000000000'

async function wide(url: string, level: string, code: string): Promise<WideAreaProfile> {
  const res = await call(`${url}/api/v1/areas/${level}/${code}`, 'GET', undefined, as.dutyLeader)
  expect(res.status).toBe(200)
  return WideAreaProfile.parse(res.body)
}

const loaded = (page: Page) => page.getByTestId('drill-panel').getAttribute('data-loaded')

/** Waits for the panel to hold `t` at its address, and the map to have flown there. */
async function shows(page: Page, t: NonNullable<DrillTarget>): Promise<void> {
  await expect.poll(() => loaded(page), { timeout: 30_000 }).toBe(t.code)
  expect(new URL(page.url()).pathname).toBe(drillPath(t))
  await mapSettled(page)
}

/** Where `lonLat` is on the page's map, in CSS pixels. */
const onScreen = (page: Page, lonLat: [number, number]) =>
  page.evaluate((p) => (window as unknown as { commandCentre: { map: { project(p: [number, number]): { x: number; y: number } } } }).commandCentre.map.project(p), lonLat)

/** A point well inside the first grid under `prefix`, away from its edges and from every open case: a click there meets the grid. */
async function clearPointUnder(db: Db, prefix: string): Promise<[number, number]> {
  const [p] = await db.query<{ lon: number; lat: number }>(`
    SELECT ST_X(q.p) AS lon, ST_Y(q.p) AS lat
    FROM grids g, LATERAL (SELECT (ST_Dump(ST_GeneratePoints(g.geom, 40, 7))).geom AS p) q
    WHERE g.code = (SELECT min(code) FROM grids WHERE code LIKE $1 || '%' AND valid_to IS NULL) AND g.valid_to IS NULL
    ORDER BY least(coalesce((SELECT min(ST_Distance(q.p, c.geom)) FROM cases c WHERE c.state <> 'closed'), 1), ST_Distance(q.p, ST_Boundary(g.geom))) DESC
    LIMIT 1`, [prefix])
  return [p!.lon, p!.lat]
}

/** The child areas the panel lists, as name, open and overdue. */
const listed = (page: Page) => page.getByTestId('child-area').evaluateAll((rows) => rows.map((r) => ({
  code: r.getAttribute('data-code'),
  name: r.querySelector('th button, th')!.firstChild!.textContent,
  open: Number(r.querySelector('[data-testid=child-open]')!.textContent),
  overdue: Number(r.querySelector('[data-testid=child-overdue]')!.textContent),
})))

describe('the drill-down of a small province at 1080p', () => {
  let db: Db
  let server: Served
  let browser: Browser

  beforeAll(async () => {
    db = await seededDb()
    // Served first: the demo accounts are made for the city they name, then given areas of the small province.
    server = await serve(db, { client: clientAssets(CLIENT_DIST, db) })
    await seedProvince(db, { scale: 0, replace: true })
    // The centre's duty leader sees the province; the analyst one prefecture of it.
    await db.query(`UPDATE accounts SET scope_region = $1 WHERE login = $2`, [PROVINCE, LOGINS.dutyLeader])
    await db.query(`UPDATE accounts SET scope_region = (SELECT min(code) FROM regions WHERE level = 'prefecture') WHERE login = $1`, [LOGINS.analyst])
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await db?.close()
  })

  it('goes province → prefecture → county → township → grid by clicks in the list and on the map, and up again by its header', async () => {
    const context = await signedInContext(browser, server.url, LOGINS.dutyLeader)
    const page = await context.newPage()
    const leaks = offMachineRequests(page)
    const paths: string[] = []
    page.on('request', (r) => paths.push(new URL(r.url()).pathname + new URL(r.url()).search))
    const dir = screenshotDir()

    // The first screen, then the province's own panel.
    await page.goto(`${server.url}/drill`)
    await expect.poll(() => page.getByTestId('triage').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    await page.getByTestId('scope-area').click()
    await shows(page, { level: 'province', code: PROVINCE })
    const province = await wide(server.url, 'province', PROVINCE)
    expect(await page.getByTestId('area-name').textContent()).toBe('贵州省')
    expect(await listed(page)).toEqual(province.children.map((c) => ({ code: c.code, name: c.name, open: c.open, overdue: c.overdue })))
    expect(await page.getByTestId('grids').textContent()).toBe(`${province.responsible.grids} 个`)
    await page.screenshot({ path: join(dir, 'drill-levels-province-1080p.png') })

    // A prefecture from the list.
    const prefecture = province.children[0]!
    await page.locator(`[data-testid=child-area][data-code="${prefecture.code}"] button`).click()
    await shows(page, { level: 'prefecture', code: prefecture.code })
    const counties = (await wide(server.url, 'prefecture', prefecture.code)).children
    expect((await listed(page)).map((c) => c.code)).toEqual(counties.map((c) => c.code))
    await page.screenshot({ path: join(dir, 'drill-levels-prefecture-1080p.png') })

    // A county by a click on the map: the last one, away from the first screen's corner.
    const county = counties.at(-1)!
    const { x, y } = await onScreen(page, await clearPointUnder(db, county.code.slice(0, 6)))
    await page.mouse.click(x, y)
    await shows(page, { level: 'county', code: county.code })
    const townships = (await wide(server.url, 'county', county.code)).children
    expect((await listed(page)).map((c) => c.name)).toEqual(townships.map((c) => c.name))
    // Its cases listed by place names, not by codes the desk has no names for.
    expect((await page.locator('button.case-row').allTextContents()).join(' ')).not.toMatch(/(?<![A-Z\d])\d{12,15}(?!\d)/)
    await page.screenshot({ path: join(dir, 'drill-levels-county-1080p.png') })

    // A township from the list, then a grid by a click on the map.
    const township = townships[0]!
    await page.locator(`[data-testid=child-area][data-code="${township.code}"] button`).click()
    await shows(page, { level: 'township', code: township.code })
    const inGrid = await clearPointUnder(db, township.code.slice(0, 9))
    const [{ code: grid }] = await db.query<{ code: string }>(
      `SELECT code FROM grids WHERE valid_to IS NULL AND ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))`, inGrid) as [{ code: string }]
    const at = await onScreen(page, inGrid)
    await page.mouse.click(at.x, at.y)
    await shows(page, { level: 'grid', code: grid })
    // Its header: every parent up to the province, each a click away but the community (no panel of its own).
    const crumbs = page.locator('.crumbs > *')
    expect(await crumbs.allTextContents()).toEqual(['首页', '贵州省', prefecture.name, county.name, township.name, expect.any(String)])
    expect(await page.locator('.crumbs button').count()).toBe(5)
    await page.screenshot({ path: join(dir, 'drill-levels-grid-1080p.png') })

    // Up to the prefecture by its crumb; back to the grid by the browser's back button.
    await page.getByTestId('crumb-prefecture').click()
    await shows(page, { level: 'prefecture', code: prefecture.code })
    await page.goBack()
    await shows(page, { level: 'grid', code: grid })
    // A link to a county opens it as it stands.
    await page.goto(`${server.url}${drillPath({ level: 'county', code: county.code })}`)
    await shows(page, { level: 'county', code: county.code })
    expect(await page.getByTestId('area-name').textContent()).toBe(county.name)
    // The other prefecture by its name typed in the picker.
    const other = province.children[1]!
    await page.getByTestId('area-picker').focus()
    await page.keyboard.type(other.name)
    await page.keyboard.press('Enter')
    await shows(page, { level: 'prefecture', code: other.code })
    // The province's desk drew its map from the tiles and named places from the regions' names: not a byte of the store's GeoJSON.
    expect(paths.some((p) => p.startsWith('/tiles/grids/'))).toBe(true)
    expect(paths.filter((p) => /^\/api\/v1\/(grids|roads)(\?|$)/.test(p) || p === '/api/v1/regions')).toEqual([])
    expect(paths).toContain(`/api/v1/regions/names?within=${PROVINCE}`)
    expect(leaks).toEqual([])
    await context.close()
  })

  it('keeps a prefecture’s account inside it: the province’s link shows its first screen, its crumb no link', async () => {
    const context = await signedInContext(browser, server.url, LOGINS.analyst)
    const page = await context.newPage()
    const [{ code: own }] = await db.query<{ code: string }>(`SELECT min(code) AS code FROM regions WHERE level = 'prefecture'`) as [{ code: string }]
    await page.goto(`${server.url}/drill/province/${PROVINCE}`)
    await expect.poll(() => page.getByTestId('triage').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    expect(new URL(page.url()).pathname).toBe('/drill')
    await page.getByTestId('scope-area').click()
    await shows(page, { level: 'prefecture', code: own })
    expect(await page.locator('.crumbs > *').allTextContents()).toEqual(['首页', '贵州省'])
    expect(await page.getByTestId('crumb-province').count()).toBe(0)
    await context.close()
  })
})

describe('the demo city as a county at 1080p', () => {
  const { city, browser } = browserCity()
  const COUNTY = '231281000000'

  it('opens the city’s own panel from the first screen: its townships with their cases, each a click away, and back by the header', async () => {
    const context = await signedInContext(browser(), city.server.url, LOGINS.dutyLeader)
    const page = await context.newPage()
    await page.goto(`${city.server.url}/drill`)
    await expect.poll(() => page.getByTestId('triage').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    await page.getByTestId('scope-area').click()
    await shows(page, { level: 'county', code: COUNTY })
    const county = await wide(city.server.url, 'county', COUNTY)
    expect(county.children).toHaveLength(18)
    expect(await listed(page)).toEqual(county.children.map((c) => ({ code: c.code, name: c.name, open: c.open, overdue: c.overdue })))
    // The open cases listed are the townships' together, as the figures count them.
    const open = county.children.reduce((s, c) => s + c.open, 0)
    expect(Number(await page.getByTestId('area-open').textContent())).toBe(open)
    await expect.poll(() => page.locator('button.case-row').count(), { timeout: 5000 }).toBe(open)
    await page.screenshot({ path: join(screenshotDir(), 'drill-levels-anda-county-1080p.png') })

    const xinxing = county.children[0]!
    await page.locator(`[data-testid=child-area][data-code="${xinxing.code}"] button`).click()
    await shows(page, { level: 'township', code: xinxing.code })
    expect(await page.getByTestId('area-name').textContent()).toBe('新兴街道')
    await page.getByTestId('crumb-county').click()
    await shows(page, { level: 'county', code: COUNTY })
    await context.close()
  })
})
