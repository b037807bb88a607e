import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { AttentionCases, CaseSource, DutyNow, Figures, HourlyReports, Kpis, Rankings } from '../../contract'
import { ensureDemoRoster } from '../../data/demoRoster'
import { clientAssets } from '../../server/src/api/clientAssets'
import { CLIENT_DIST } from '../../server/src/clientBuild'
import { offMachineRequests, pixelShares, screenshotDir, webglRenderer } from '../support/browser'
import { as, call, serve } from '../support/serve'
import { browserCity } from '../support/browserCity'
import { wallContext } from '../support/browserSession'
import { SEEDED_AT } from '../support/seededCity'
import { pointInGrid } from '../support/servedCity'

const { city, browser } = browserCity()

const K4 = { width: 3840, height: 2160 }

/** A page of its own context, signed in as the wall display (its key traded once for a session, as a kiosk's first start does). */
async function wallPage(viewport = K4): Promise<Page> {
  const context = await wallContext(browser(), city.server.url, { viewport })
  return context.newPage()
}

/** Opens a screen and waits for its first complete frame: city drawn, snapshot applied, figures read. */
async function openWall(path: string, viewport = K4): Promise<Page> {
  const page = await wallPage(viewport)
  await page.goto(city.server.url + path)
  await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
  await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
  return page
}

/** The share of a screenshot clip's pixels in the overdue red (COLOR.overdue, 255 82 82). */
async function redShare(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<number> {
  const png = await page.screenshot({ clip })
  return page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = new OffscreenCanvas(img.width, img.height)
    const ctx = c.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    const px = ctx.getImageData(0, 0, img.width, img.height).data
    let red = 0
    for (let i = 0; i < px.length; i += 4) if (px[i]! > 200 && px[i + 1]! < 100 && px[i + 2]! < 100) red++
    return red / (px.length / 4)
  }, png.toString('base64'))
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim() ?? ''
const figure = async (page: Page, testId: string) => Number((await text(page, testId)).replace(/,/g, ''))
const sqlCount = async (where: string) => (await city.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE ${where}`))[0]!.n

/**
 * Posts a case through the API and times, in the page and on the machine's one clock, when the
 * ticker first shows it and when a frame of the cases' canvas first draws it at its point.
 */
async function timeNewCase(page: Page): Promise<{ code: string; ticker: number; map: number }> {
  const location = await pointInGrid(city.db, '231281001001001')
  // Timed in the page, on the machine's one clock: when the ticker first shows a case that was not
  // there, and when a frame first draws a new case at its point.
  await page.evaluate((at) => {
    type Overlay = { pickObject(o: object): { object?: { code: string } } | null; setProps(p: object): void }
    const w = window as unknown as { seen: { ticker: [number, string][]; map: [number, string][] }; commandCentre: { map: { project(p: [number, number]): { x: number; y: number } }; deck: Overlay } }
    w.seen = { ticker: [], map: [] }
    const ticker = document.querySelector('[data-testid=ticker]')!
    new MutationObserver(() => w.seen.ticker.push([Date.now(), ticker.textContent ?? ''])).observe(ticker, { childList: true, subtree: true, characterData: true })
    const { map, deck } = w.commandCentre
    const before = deck.pickObject({ ...map.project(at), radius: 4, layerIds: ['cases'] })?.object?.code ?? ''
    // After each frame the cases' canvas draws: is a new case there at its point now?
    deck.setProps({
      onAfterRender: () => {
        const code = deck.pickObject({ ...map.project(at), radius: 4, layerIds: ['cases'] })?.object?.code
        if (code && code !== before) w.seen.map.push([Date.now(), code])
      },
    })
  }, location)
  const posted = Date.now()
  const res = await call(`${city.server.url}/api/v1/cases`, 'POST', {
    category: 'hazard', kind: 'fire', source: 'grid_worker', location, description: '楼道堆放杂物',
  }, as.gridWorker)
  expect(res.status).toBe(201)
  const { code } = res.body as { code: string }
  const seen = () => page.evaluate((c) => {
    const { ticker, map } = (window as unknown as { seen: { ticker: [number, string][]; map: [number, string][] } }).seen
    return { ticker: ticker.find(([, text]) => text.includes(c))?.[0] ?? null, map: map.find(([, m]) => m === c)?.[0] ?? null }
  }, code)
  await expect.poll(async () => Object.values(await seen()).every((t) => t !== null), { timeout: 10_000 }).toBe(true)
  const { ticker, map } = await seen()
  return { code, ticker: ticker! - posted, map: map! - posted }
}

describe('the wall at 4K', () => {
  it('loads the demo city on /wall as a kiosk: grids, KPI panel, ticker, clock, and nothing off the machine', async () => {
    const page = await wallPage()
    const leaks = offMachineRequests(page)
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(err.message))
    await page.goto(city.server.url + '/wall')
    console.log(`[browser] WebGL renderer: ${await webglRenderer(page)}`)
    const map = page.getByTestId('city-map')
    // How soon: bench/wall.ts times the first complete frame.
    await expect.poll(() => map.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')

    expect(Number(await map.getAttribute('data-rendered-grids'))).toBeGreaterThan(900)
    expect(await page.locator('.wall').getAttribute('class')).toContain('kiosk')
    expect(await page.title()).toBe('指挥大屏 · 安达市')
    // The centre is named by its area, as the account's scope gives it, not in code.
    expect(await page.getByTestId('centre-name').textContent()).toBe('安达市社会治理指挥中心')
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.wall')!).cursor)).toBe('none')
    expect(await text(page, 'clock')).toMatch(/^\d{2}:\d{2}:\d{2}$/)
    expect(await page.getByTestId('kpi-panel').textContent()).toContain('矛盾纠纷排查化解')
    // The snapshot and the city are asked for with the page (a preload), before its script has run,
    // and the script takes up those answers: one request each.
    expect((await fetch(city.server.url + '/wall')).headers.get('link')).toContain('</api/v1/live/snapshot>; rel=preload; as=fetch')
    const reads = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((e) => ({ path: new URL(e.name).pathname, by: e.initiatorType, from: Math.round(e.startTime), to: Math.round(e.responseEnd) })))
    for (const read of ['/api/v1/live/snapshot', '/api/v1/regions', '/api/v1/grids', '/api/v1/roads']) {
      expect(reads.filter((r) => r.path === read), JSON.stringify(reads.filter((r) => r.path.startsWith('/api') || r.by === 'script'))).toHaveLength(1)
    }

    const png = await page.screenshot({ path: join(screenshotDir(), 'wall-4k.png') })
    const { dark, lit } = await pixelShares(page, png, 97)
    expect(dark).toBeGreaterThan(0.7)
    expect(lit).toBeGreaterThan(0.15)
    expect(errors).toEqual([])
    expect(leaks).toEqual([])
    await page.context().close()
  })

  it('is sent its script compressed as built, and told plainly of an asset that is not there', async () => {
    const page = await openWall('/wall')
    const script = await page.evaluate(() => (document.querySelector('script[type=module]') as HTMLScriptElement).src)
    await page.context().close()
    const brotli = await fetch(script, { headers: { 'Accept-Encoding': 'br, gzip' } })
    expect([brotli.status, brotli.headers.get('content-encoding'), brotli.headers.get('cache-control')]).toEqual([200, 'br', 'public, max-age=31536000, immutable'])
    const plain = await fetch(script, { headers: { 'Accept-Encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await brotli.text()).toBe(await plain.text())
    const missing = await fetch(`${city.server.url}/assets/index-00000000.js`)
    expect([missing.status, await missing.json()]).toEqual([404, { code: 'not_found', message: 'no such file: /assets/index-00000000.js' }])
  })

  it('shows a case reported through the API in the ticker within a second, and on the map', async () => {
    const page = await openWall('/wall?theme=cases')
    const { code, ticker, map } = await timeNewCase(page)
    // Within the second, ticker and map (75 and 180 ms here, logged every run). The map's bound is
    // looser: drawn in software (Mesa llvmpipe), the base map's redraw on the shading's 30 s step holds
    // a 4K page for about a second, and a report that lands in it waits for it.
    expect(ticker).toBeLessThan(1000)
    expect(map).toBeLessThan(2000)
    const first = page.getByTestId('ticker').locator('li').first()
    expect(await first.textContent()).toMatch(new RegExp(`新报\\s*消防隐患.*${code}`))
    expect(await first.getAttribute('data-type')).toBe('reported')
    await page.screenshot({ path: join(screenshotDir(), 'wall-new-case-4k.png') })
    await page.context().close()
  })

  it('draws an overdue case red, larger than any camera and haloed, over the points around it', async () => {
    const page = await openWall('/wall?theme=cases')
    const open = await city.db.query<{ code: string; lon: number; lat: number; overdue: boolean }>(`
      SELECT code, ST_X(geom) AS lon, ST_Y(geom) AS lat, (due_at < now() - interval '1 minute' AND escalations = 0) AS overdue
      FROM cases WHERE state <> 'closed' ORDER BY id`)
    // One clear of other cases (their points and rings would share its pixels) and of the legend, on the map.
    const chosen = await page.evaluate((cases) => {
      const { map } = (window as unknown as { commandCentre: { map: { project(p: [number, number]): { x: number; y: number } } } }).commandCentre
      const clear = (sel: string) => document.querySelector(sel)?.getBoundingClientRect() ?? null
      const covers = [clear('[data-testid=legend]'), clear('[data-testid=wall-inset]')].filter((r) => r !== null)
      const canvas = document.querySelector('[data-testid=city-map] .maplibregl-canvas')!.getBoundingClientRect()
      // On the page: the map's own pixels from its top left corner, which lies right of the left column and under the title bar.
      const at = cases.map((c) => {
        const p = map.project([c.lon, c.lat])
        return { ...c, x: p.x + canvas.left, y: p.y + canvas.top }
      })
      return at.find((c) => c.overdue && c.x > canvas.left + 60 && c.y > canvas.top + 60 && c.x < canvas.right - 60 && c.y < canvas.bottom - 60
        && covers.every((r) => !(c.x > r.left - 60 && c.x < r.right + 60 && c.y > r.top - 60 && c.y < r.bottom + 60))
        && at.every((o) => o === c || Math.hypot(o.x - c.x, o.y - c.y) > 90)) ?? null
    }, open)
    expect(chosen, 'an overdue case clear of others').not.toBeNull()
    const { x, y } = { x: Math.round(chosen!.x), y: Math.round(chosen!.y) }
    // At 4K (scale 2): a red disc 16 px in radius (a camera's is at most 8), and a red halo line 34 px out.
    const disc = await redShare(page, { x: x - 9, y: y - 9, width: 18, height: 18 })
    const halo = await Promise.all([[34, 0], [-34, 0], [0, 34], [0, -34]].map(([dx, dy]) => redShare(page, { x: x + dx! - 2, y: y + dy! - 2, width: 5, height: 5 })))
    const between = await redShare(page, { x: x + 24, y: y - 1, width: 3, height: 3 })
    console.log(`[browser] overdue case ${chosen!.code} at ${x},${y}: red share ${disc.toFixed(2)} in its disc, ${halo.map((h) => h.toFixed(2)).join(' ')} on its halo, ${between.toFixed(2)} between`)
    await page.screenshot({ path: join(screenshotDir(), 'wall-overdue-case-4k.png'), clip: { x: x - 300, y: y - 200, width: 600, height: 400 } })
    expect(disc).toBeGreaterThan(0.9)
    for (const h of halo) expect(h).toBeGreaterThan(0.2)
    expect(between).toBeLessThan(0.5)
    await page.context().close()
  })

  it('keeps every ticker line whole, and a new report on show while newer ones wait their turn', async () => {
    const page = await openWall('/wall?theme=cases')
    const ticker = page.getByTestId('ticker')
    expect(Number(await ticker.getAttribute('data-hold-seconds'))).toBeGreaterThanOrEqual(20)
    const { code: first, ticker: shownIn } = await timeNewCase(page)
    expect(shownIn).toBeLessThan(1000)
    const postedAt = Date.now()
    for (let i = 0; i < 5; i++) {
      const res = await call(`${city.server.url}/api/v1/cases`, 'POST', {
        category: 'dispute', kind: 'neighbour', source: 'hotline_12345', location: await pointInGrid(city.db, '231281001001001'),
      }, as.gridWorker)
      expect(res.status).toBe(201)
    }
    await expect.poll(async () => (await ticker.locator('li').count()) >= 2, { timeout: 2000 }).toBe(true)
    // Every line on the strip is there whole (a line that would not fit is not in sight at all), and the first report is still one of them.
    const strip = (await ticker.boundingBox())!
    const lines = await ticker.locator('li').evaluateAll((lis) => lis.map((li) => {
      const r = li.getBoundingClientRect()
      return { text: li.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom }
    }))
    const inSight = lines.filter((l) => l.top < strip.y + strip.height)
    console.log(`[browser] ticker: ${inSight.length} of ${lines.length} lines in sight, ${Date.now() - postedAt} ms after the last report: ${inSight.map((l) => l.text).join(' | ')}`)
    expect(Date.now() - postedAt).toBeLessThan(20_000)
    expect(inSight.length).toBeGreaterThanOrEqual(2)
    for (const l of inSight) {
      expect(l.left, l.text).toBeGreaterThanOrEqual(strip.x)
      expect(l.right, l.text).toBeLessThanOrEqual(strip.x + strip.width)
      expect(l.bottom, l.text).toBeLessThanOrEqual(strip.y + strip.height + 1)
    }
    expect(inSight.some((l) => l.text.includes(first))).toBe(true)
    await page.screenshot({ path: join(screenshotDir(), 'wall-ticker-4k.png'), clip: { x: 0, y: strip.y - 20, width: strip.x + strip.width, height: strip.height + 20 } })
    await page.context().close()
  })

  it('holds a card for an urgent hazard until a seat acknowledges it, then lets it go', async () => {
    const page = await wallPage()
    // The page's clock is Playwright's (running at the real pace), so that an hour can pass on the wall in a moment.
    await page.clock.install()
    await page.goto(`${city.server.url}/wall?theme=cases`)
    await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
    const filed = await call(`${city.server.url}/api/v1/cases`, 'POST', {
      category: 'hazard', kind: 'gas', source: 'hotline_12345', location: await pointInGrid(city.db, '231281001001001'),
    }, as.dutyLeader)
    expect(filed.status).toBe(201)
    const { id, code } = filed.body as { id: number; code: string }
    const card = page.getByTestId('urgent-hazards').locator(`li[data-code="${code}"]`)
    await expect.poll(() => card.count(), { timeout: 2000 }).toBe(1)
    expect(await card.locator('.kind').textContent()).toBe('燃气安全')
    // Readable from the floor: the kind's type at least 2 % of the screen's height.
    expect(await card.locator('.kind').evaluate((e) => parseFloat(getComputedStyle(e).fontSize) / window.innerHeight)).toBeGreaterThanOrEqual(0.02)
    // An hour passing does not take it down, it says how long it has waited: only an acknowledgement takes it down.
    await page.clock.fastForward('01:00:00')
    await expect.poll(() => card.locator('.age time').textContent()).toBe('1 小时前')
    expect(await card.count()).toBe(1)
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 20_000 }).toBe('true')
    await page.screenshot({ path: join(screenshotDir(), 'wall-urgent-card-4k.png') })
    expect((await call(`${city.server.url}/api/v1/cases/${id}/acknowledge`, 'POST', {}, as.operator)).status).toBe(200)
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(0)
    await page.context().close()
  })

  it('at 1080p shows a case reported through the API in the ticker within a second, and on the map', async () => {
    const page = await openWall('/wall?theme=cases', { width: 1920, height: 1080 })
    const { ticker, map } = await timeNewCase(page)
    expect(ticker).toBeLessThan(1000)
    expect(map).toBeLessThan(1000)
    await page.context().close()
  })

  it('turns a camera set offline magenta and shades the grid whose cover it took', async () => {
    // A camera that is the only one seeing its grid: setting it offline takes all the grid's cover.
    const [cam] = await city.db.query<{ id: number; lon: number; lat: number; grid: string; gx: number; gy: number }>(`
      SELECT c.id, ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat, gc.grid_code AS grid, ST_X(p) AS gx, ST_Y(p) AS gy
      FROM grid_camera_cover gc
      JOIN grids g ON g.code = gc.grid_code AND g.valid_to IS NULL
      JOIN cameras c ON ST_Intersects(c.view_geom, g.geom)
      CROSS JOIN LATERAL ST_PointOnSurface(ST_Difference(g.geom, ST_Buffer(c.view_geom, 0.0003))) p
      WHERE gc.cameras = 1 AND gc.online = 1 AND gc.designed_m2 / gc.area_m2 > 0.05 AND c.state = 'online'
        AND ST_Covers(g.geom, c.geom) AND NOT ST_IsEmpty(p)
      ORDER BY gc.grid_code LIMIT 1`)
    expect(cam, 'a grid seen by one camera alone').toBeDefined()
    // Alarm cards stand over the map until acknowledged; this wall has none waiting, so the camera is in sight.
    await city.db.query(`UPDATE cases SET acknowledged_at = reported_at WHERE acknowledged_at IS NULL AND category = 'hazard'`)
    const page = await openWall(`/wall?theme=cameras&center=${cam!.lon},${cam!.lat}&zoom=15`)
    const at = (lonLat: [number, number]) => page.evaluate((p) => {
      const { map } = (window as unknown as { commandCentre: { map: { project(p: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } } }).commandCentre
      const { x, y } = map.project(p)
      const box = map.getContainer().getBoundingClientRect()
      return { x: Math.round(x + box.left), y: Math.round(y + box.top) }
    }, lonLat)
    const camAt = await at([cam!.lon, cam!.lat])
    const gridAt = await at([cam!.gx, cam!.gy])
    const around = async ({ x, y }: { x: number; y: number }, r: number) =>
      pixelShares(page, await page.screenshot({ clip: { x: x - r, y: y - r, width: 2 * r, height: 2 * r } }))
    expect((await around(camAt, 4)).magenta).toBe(0)
    expect((await around(gridAt, 6)).magenta).toBe(0)
    await page.screenshot({ path: join(screenshotDir(), 'wall-camera-online-4k.png'), clip: { x: camAt.x - 600, y: camAt.y - 400, width: 1200, height: 800 } })

    const res = await call(`${city.server.url}/api/v1/cameras/${cam!.id}/state`, 'POST', { state: 'offline' }, as.dutyLeader)
    expect(res.status).toBe(200)
    await expect.poll(async () => (await around(camAt, 4)).magenta, { timeout: 3000, interval: 100 }).toBeGreaterThan(0.5)
    // Lost cover shows within 2 s (the shading redraws the whole map, so it is not redrawn on every change).
    await expect.poll(async () => (await around(gridAt, 6)).magenta, { timeout: 5000, interval: 200 }).toBeGreaterThan(0.9)
    await page.screenshot({ path: join(screenshotDir(), 'wall-camera-offline-4k.png'), clip: { x: camAt.x - 600, y: camAt.y - 400, width: 1200, height: 800 } })
    // Not a ticker line: summed in the camera panel, by the township it went down in.
    const [place] = await city.db.query<{ township: string }>(`SELECT r.name AS township FROM cameras c JOIN regions r ON r.code = c.township_code WHERE c.id = $1`, [cam!.id])
    await expect.poll(() => text(page, 'camera-changes'), { timeout: 2000 }).toMatch(/^近10分钟 离线\+1 故障\+0 恢复\+0/)
    expect(await text(page, 'camera-changes-places')).toBe(`${place!.township} 1`)
    expect(await page.getByTestId('ticker').textContent()).not.toMatch(/离线/)

    await call(`${city.server.url}/api/v1/cameras/${cam!.id}/state`, 'POST', { state: 'online' }, as.dutyLeader)
    await expect.poll(async () => (await around(gridAt, 6)).magenta, { timeout: 10_000, interval: 200 }).toBe(0)
    await page.context().close()
  })

  it('shows KPI figures that match a count of the store', async () => {
    const page = await openWall('/wall')
    const [cameras] = await city.db.query<{ a: number; b: number; c: number }>(`
      SELECT count(*) FILTER (WHERE class = 'A' AND state = 'online')::int AS a, count(*) FILTER (WHERE class = 'B' AND state = 'online')::int AS b,
             count(*) FILTER (WHERE class = 'C' AND state = 'online')::int AS c FROM cameras`)
    await expect.poll(() => figure(page, 'kpi-open'), { timeout: 5000 }).toBe(await sqlCount(`state <> 'closed'`))
    expect(await figure(page, 'kpi-overdue')).toBe(await sqlCount(`state <> 'closed' AND due_at < now()`))
    expect(await figure(page, 'kpi-escalated')).toBe(await sqlCount(`state <> 'closed' AND escalations > 0`))
    for (const level of ['grid', 'community', 'township', 'city']) {
      const cells = await page.getByTestId(`level-${level}`).locator('td').allTextContents()
      expect(Number(cells[0]!.replace(/,/g, '')), `open at ${level}`).toBe(await sqlCount(`state <> 'closed' AND level = '${level}'`))
    }
    expect(await figure(page, 'cameras-A-online')).toBe(cameras!.a)
    expect(await figure(page, 'cameras-B-online')).toBe(cameras!.b)
    expect(await figure(page, 'cameras-C-online')).toBe(cameras!.c)
    const beijingYear = `date_trunc('year', reported_at AT TIME ZONE 'UTC' + interval '8 hours') = date_trunc('year', now() AT TIME ZONE 'UTC' + interval '8 hours')`
    expect(await figure(page, 'disputes-year-found')).toBe(await sqlCount(`category = 'dispute' AND ${beijingYear}`))
    expect(await figure(page, 'disputes-year-resolved')).toBe(await sqlCount(`category = 'dispute' AND resolved AND ${beijingYear}`))

    // A new dispute moves the figures: found today and open, each by one.
    const before = { open: await figure(page, 'kpi-open'), today: await figure(page, 'disputes-today-found') }
    await call(`${city.server.url}/api/v1/cases`, 'POST', {
      category: 'dispute', kind: 'neighbour', source: 'mini_program', location: await pointInGrid(city.db, '231281001001001'),
    }, as.gridWorker)
    await expect.poll(() => figure(page, 'kpi-open'), { timeout: 5000 }).toBe(before.open + 1)
    expect(await figure(page, 'disputes-today-found')).toBe(before.today + 1)
    await page.context().close()
  })

  it('shows the month\'s township ranking in the left column beside cameras and patrols, and today\'s overdue beside the overdue now', async () => {
    const page = await wallPage()
    // The test city's cases end on the day it was seeded: the wall's month is read as of that day, so that it has townships to rank.
    const seededDay = SEEDED_AT.slice(0, 10)
    await page.route('**/api/v1/rankings?*', (route) => route.continue({ url: `${route.request().url()}&at=${seededDay}` }))
    await page.goto(city.server.url + '/wall')
    await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    const ranking = page.getByTestId('wall-ranking')
    const rows = page.getByTestId('wall-ranking-row')
    await expect.poll(async () => (await ranking.isVisible()) && (await rows.count()) > 0, { timeout: 15_000 }).toBe(true)
    expect(await page.getByTestId('cameras-A').isVisible()).toBe(true)
    expect(await page.getByTestId('kpi-patrol-share').isVisible()).toBe(true)
    expect(await ranking.locator('h2').textContent()).toMatch(/^乡镇排名（本月）2026年11月/)
    const res = await call(`${city.server.url}/api/v1/rankings?unit=township&period=month&at=${seededDay}`, 'GET', undefined, as.wall)
    const top = Rankings.parse(res.body).rows.filter((r) => r.place !== null).slice(0, 5)
    expect(top).toHaveLength(5)
    const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`)
    expect((await rows.allTextContents()).map((t) => t.replace(/\s+/g, ''))).toEqual(
      top.map((r) => `${r.place}${r.name}${r.score!.toFixed(1)}${pct(r.measures.onTimeRate)}${pct(r.measures.satisfaction)}`))
    // Nothing of either column is cut off at its foot.
    for (const id of ['kpi-panel', 'wall-left']) expect(await page.getByTestId(id).evaluate((e) => e.scrollHeight - e.clientHeight), id).toBeLessThanOrEqual(0)
    await page.screenshot({ path: join(screenshotDir(), 'wall-left-column-4k.png'), clip: { x: 0, y: 0, width: 1100, height: 2160 } })
    await page.screenshot({ path: join(screenshotDir(), 'wall-kpi-column-4k.png'), clip: { x: 3840 - 1040, y: 0, width: 1040, height: 2160 } })

    // 今日超期: what ran over a time limit today, as the figures count it; 当前超期: open and past due now.
    const day = Figures.parse((await call(`${city.server.url}/api/v1/figures?period=day`, 'GET', undefined, as.wall)).body)
    await expect.poll(() => text(page, 'kpi-ran-over-today')).not.toBe('—')
    expect(await figure(page, 'kpi-ran-over-today')).toBe(day.totals.current.ranOver)
    expect(await figure(page, 'kpi-overdue')).toBe(day.overdueNow)
    // The year's rates with their target and which way they went on last year and this month on the last, as the figures say.
    const year = Figures.parse((await call(`${city.server.url}/api/v1/figures?period=year`, 'GET', undefined, as.wall)).body)
    const month = Figures.parse((await call(`${city.server.url}/api/v1/figures?period=month`, 'GET', undefined, as.wall)).body)
    const arrow = (now: number | null, before: number | null) => (now === null || before === null ? '—' : Math.abs(now - before) < 0.005 ? '→' : now > before ? '↑' : '↓')
    await expect.poll(() => text(page, 'went-on-time-rate'), { timeout: 70_000 }).not.toBe('同比— 环比—')
    expect(await text(page, 'went-on-time-rate')).toBe(`同比${arrow(year.totals.current.onTimeRate, year.totals.lastYear.onTimeRate)} 环比${arrow(month.totals.current.onTimeRate, month.totals.previous.onTimeRate)}`)
    expect(await page.getByTestId('rate-on-time-rate').textContent()).toContain('目标90%')
    await page.context().close()
  })

  it('shows "—" for the ranking and today\'s overdue while they cannot be read', async () => {
    const page = await wallPage({ width: 1920, height: 1080 })
    await page.route(/\/api\/v1\/(rankings|figures)\?/, (route) => route.fulfill({ status: 503, json: { code: 'unavailable', message: 'down' } }))
    await page.goto(city.server.url + '/wall')
    await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    expect(await text(page, 'kpi-ran-over-today')).toBe('—')
    expect(await text(page, 'counter-received-today')).toBe('—')
    expect(await page.getByTestId('wall-ranking').isVisible()).toBe(true)
    expect(await text(page, 'wall-ranking-none')).toBe('—')
    expect(await page.getByTestId('wall-ranking-row').count()).toBe(0)
    await page.context().close()
  })

  it('keeps nothing personal in the page or its frames', async () => {
    const page = await wallPage()
    const frames: string[] = []
    page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(String(payload))))
    // Every response body, read in full before the scan below (a body still being read would pass it).
    const bodies: Promise<{ path: string; text: string }>[] = []
    page.on('response', (r) => bodies.push(r.text().then((text) => ({ path: new URL(r.url()).pathname, text }), () => ({ path: new URL(r.url()).pathname, text: '' }))))
    await page.goto(city.server.url + '/wall')
    await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
    const res = await call(`${city.server.url}/api/v1/cases`, 'POST', {
      category: 'dispute', kind: 'family', source: 'petition_office', location: await pointInGrid(city.db, '231281001001001'),
      description: '赵六六反映邻居孙七七占用其院落', parties: [
        { role: 'applicant', name: '赵六六', phone: '13912345678', idNumber: '231281198001011234' },
        { role: 'respondent', name: '孙七七' },
      ],
    }, as.gridWorker)
    const { code } = res.body as { code: string }
    await expect.poll(() => page.getByTestId('ticker').textContent(), { timeout: 2000 }).toContain(code)
    const responses = await Promise.all(bodies)
    // The seeded parties of the cases the wall shows are in the store: the snapshot must not carry them either.
    // (Their phones and ID numbers: a short name could be part of some other word on the page.)
    const seeded = await city.db.query<{ phone: string; id_number: string }>(`
      SELECT p.phone, p.id_number FROM case_parties p JOIN cases c ON c.id = p.case_id
      WHERE c.state <> 'closed' AND p.phone IS NOT NULL AND p.id_number IS NOT NULL ORDER BY p.case_id LIMIT 50`)
    expect(seeded).toHaveLength(50)
    const personal = ['赵六六', '孙七七', '13912345678', '231281198001011234', '占用其院落', ...seeded.flatMap((p) => [p.phone, p.id_number])]
    const dom = await page.content()
    for (const p of personal) {
      expect(dom).not.toContain(p)
      for (const f of frames) expect(f).not.toContain(p)
      for (const r of responses) expect(r.text, r.path).not.toContain(p)
    }
    expect(frames.some((f) => f.includes(code))).toBe(true)
    // What was scanned: the snapshot with the open cases in it, as read by the page.
    const snapshot = responses.find((r) => r.path === '/api/v1/live/snapshot')
    expect(snapshot?.text.length).toBeGreaterThan(100_000)
    const [anOpenCase] = await city.db.query<{ code: string }>(`SELECT code FROM cases WHERE state <> 'closed' ORDER BY id LIMIT 1`)
    expect(snapshot!.text).toContain(anOpenCase!.code)
    await page.context().close()
  })

  it('says plainly when it is not live and since when, and recovers and catches up by itself', async () => {
    const page = await openWall('/wall')
    const indicator = page.getByTestId('connection')
    const { port } = city.server
    await city.server.stop()
    await expect.poll(() => indicator.getAttribute('data-live'), { timeout: 10_000 }).toBe('false')
    expect(await indicator.textContent()).toMatch(/^● 未连接（自 \d{2}:\d{2}:\d{2}）$/)
    await page.screenshot({ path: join(screenshotDir(), 'wall-not-live-4k.png'), clip: { x: 0, y: 0, width: 2600, height: 200 } })

    city.server = await serve(city.db, { port, client: clientAssets(CLIENT_DIST) })
    await expect.poll(() => indicator.getAttribute('data-live'), { timeout: 15_000 }).toBe('true')
    // Caught up, not just connected: a case reported after the restart still reaches the screen.
    const res = await call(`${city.server.url}/api/v1/cases`, 'POST', {
      category: 'dispute', kind: 'labour', source: 'hotline_12345', location: await pointInGrid(city.db, '231281001001001'),
    }, as.gridWorker)
    const { code } = res.body as { code: string }
    await expect.poll(() => page.getByTestId('ticker').locator('li').first().textContent(), { timeout: 2000 }).toContain(code)
    await page.context().close()
  })
})

const SIZES = [['4k', '/wall', 3840, 2160], ['1080p', '/', 1920, 1080], ['double-wide', '/wall', 7680, 2160]] as const

/** Every piece of text in the wall's panels that a person reads, with its computed size in px: nothing of it hidden or empty. */
const textSizes = (page: Page) => page.evaluate(() => {
  const panels = ['.wall-header', '.wall-left', '.kpi-panel', '.legend', '.ticker', '.wall-inset h2']
  const sizes: { text: string; px: number }[] = []
  for (const root of panels.flatMap((sel) => [...document.querySelectorAll(sel)])) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!
      const text = n.textContent!.trim()
      const box = el.getBoundingClientRect()
      if (!text || box.width === 0 || box.height === 0 || el.closest('[hidden]') || getComputedStyle(el).visibility === 'hidden') continue
      sizes.push({ text, px: parseFloat(getComputedStyle(el).fontSize) })
    }
  }
  return sizes
})

describe('the wall at its three sizes', () => {
  beforeAll(async () => {
    await ensureDemoRoster(city.db, new Date())
  })

  for (const [label, path, width, height] of SIZES) {
    it(`at ${label} (${width}×${height}) fills the screen with the map, the inset and the panels, the store's figures in them, nothing under 2 % of the height`, async () => {
      const page = await openWall(path, { width, height })
      const api = async <T, >(url: string, schema: { parse(x: unknown): T }) => schema.parse((await call(city.server.url + url, 'GET', undefined, as.wall)).body)
      const panel = (await page.getByTestId('kpi-panel').boundingBox())!
      const left = (await page.getByTestId('wall-left').boundingBox())!
      const ticker = (await page.getByTestId('ticker').boundingBox())!
      const header = (await page.locator('.wall-header').boundingBox())!
      // The KPI column keeps its size in screen heights at the right edge; the left column starts at the left.
      expect(panel.width / height).toBeCloseTo(0.48, 1)
      expect(panel.x + panel.width).toBeCloseTo(width, 0)
      expect(left.x).toBe(0)
      // The city map fills what lies between the columns, under the title bar, down to the ticker, unclamped (MapLibre's
      // default would stop a double-wide wall's at 4,096 px); on a double-wide wall the inset takes half of it.
      const mapBox = (await page.getByTestId('city-map').boundingBox())!
      const canvas = await page.evaluate(() => {
        const c = document.querySelector('[data-testid=city-map] .maplibregl-canvas') as HTMLCanvasElement
        return { width: c.width, height: c.height }
      })
      expect(canvas).toEqual({ width: Math.round(mapBox.width), height: Math.round(mapBox.height) })
      expect(mapBox.x).toBeCloseTo(left.x + left.width, 0)
      expect(mapBox.y).toBeCloseTo(header.y + header.height, 0)
      expect(mapBox.y + mapBox.height).toBeCloseTo(ticker.y, 0)
      const inset = page.getByTestId('inset-map')
      await expect.poll(() => inset.locator('.maplibregl-canvas').count(), { timeout: 30_000 }).toBe(1)
      const insetBox = (await page.getByTestId('wall-inset').boundingBox())!
      if (width / height >= 3) {
        // No black: the inset reaches from the city map to the KPI column.
        expect(insetBox.x).toBeCloseTo(mapBox.x + mapBox.width, 0)
        expect(insetBox.x + insetBox.width).toBeCloseTo(panel.x, 0)
        expect(insetBox.width).toBeGreaterThan(0.9 * mapBox.width)
      } else {
        expect(insetBox.x + insetBox.width).toBeLessThanOrEqual(panel.x)
        expect(insetBox.y + insetBox.height).toBeLessThanOrEqual(ticker.y)
      }
      // The inset is the town centre, closer in than the city.
      const zooms = await page.evaluate(() => (window as unknown as { commandCentre: { map: { getZoom(): number } } }).commandCentre.map.getZoom())
      const insetZoom = await inset.evaluate((el) => Number(el.querySelector('canvas')?.getAttribute('width')) > 0)
      expect(insetZoom).toBe(true)
      expect(zooms).toBeLessThan(12)

      // The title bar's counters, as the API gives them.
      const kpis = await api('/api/v1/kpis', Kpis)
      const day = await api('/api/v1/figures?period=day', Figures)
      await expect.poll(() => text(page, 'counter-received-today'), { timeout: 10_000 }).not.toBe('—')
      expect(await figure(page, 'counter-received-today')).toBe(day.totals.current.received)
      expect(await figure(page, 'counter-open')).toBe(kpis.open)
      expect(await figure(page, 'counter-overdue')).toBe(kpis.overdue)
      const cams = Object.values(kpis.cameras)
      const online = cams.reduce((s, c) => s + c.online, 0) / cams.reduce((s, c) => s + c.total, 0)
      expect(await text(page, 'counter-cameras-online')).toBe(`${(online * 100).toFixed(1)}%`)
      // Red only below its target (90 %), whatever the share down.
      expect(await page.getByTestId('counter-cameras-online').getAttribute('class')).toBe(online < 0.9 ? 'alarm' : '')
      for (const c of ['A', 'B', 'C'] as const) {
        const rate = kpis.cameras[c].online / kpis.cameras[c].total
        expect(await page.getByTestId(`cameras-${c}-rate`).getAttribute('class'), c).toBe(rate < 0.9 ? 'alarm' : '')
      }
      const duty = await api('/api/v1/duty', DutyNow)
      expect(duty.leader).not.toBeNull()
      await expect.poll(() => text(page, 'duty-leader'), { timeout: 70_000 }).toBe(`值班领导${duty.leader!.name} ☎ ${duty.leader!.deskPhone}`)

      // The left column: today's reports by channel, as the figures count them; the last 24 hours; the cases moved up or overdue.
      expect(await figure(page, 'today-received')).toBe(day.totals.current.received)
      const channels = await page.getByTestId('today-channel').locator('tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-key'), tr.querySelector('td.n')?.textContent]))
      expect(Object.fromEntries(channels)).toEqual(Object.fromEntries(CaseSource.options.map((c) => [c, String(day.byChannel.find((r) => r.channel === c)?.measures.received ?? 0)])))
      const hourly = await api('/api/v1/wall/hourly', HourlyReports)
      expect(await figure(page, 'hourly-total')).toBe(hourly.hours.reduce((s, h) => s + h.reports, 0))
      const attention = await api('/api/v1/wall/attention', AttentionCases)
      expect(attention.overdue).toBeGreaterThan(0)
      expect(await figure(page, 'attention-overdue')).toBe(attention.overdue)
      expect(await figure(page, 'attention-escalated')).toBe(attention.escalated)
      const rows = page.getByTestId('attention-row')
      expect(await rows.count()).toBeGreaterThanOrEqual(3)
      const first = attention.cases[0]!
      expect(await rows.first().getAttribute('data-code')).toBe(first.code)
      expect(await rows.first().getByTestId('attention-where').textContent()).toBe(`${first.township} ${first.community}`)
      expect(await rows.first().getByTestId('attention-wait').textContent()).toMatch(/^(超|已)(\d+天)?(\d+小时)?(\d+分)?$|刚刚$/)
      // Whole rows only: the last one shown ends inside its panel.
      const list = (await page.getByTestId('wall-attention').locator('ol').boundingBox())!
      const last = (await rows.last().boundingBox())!
      expect(last.y + last.height).toBeLessThanOrEqual(list.y + list.height + 1)
      await page.screenshot({ path: join(screenshotDir(), `wall-${label}.png`) })
      // Every column fits: nothing cut off at its foot.
      for (const id of ['kpi-panel', 'wall-left']) {
        expect(await page.getByTestId(id).evaluate((e) => e.scrollHeight - e.clientHeight), id).toBeLessThanOrEqual(0)
      }

      // Today's dispute rate on fewer than five disputes is "—".
      const found = await figure(page, 'disputes-today-found')
      if (found < 5) expect(await text(page, 'disputes-today-rate')).toBe('—')

      const small = (await textSizes(page)).filter((t) => t.px < 0.02 * height - 0.01)
      expect(small, JSON.stringify(small.slice(0, 10))).toEqual([])
      await page.context().close()
    })
  }
})
