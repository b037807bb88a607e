import { join } from 'node:path'
import type { Page, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../data/demoAccounts'
import { offMachineRequests, screenshotDir } from '../support/browser'
import { browserCity } from '../support/browserCity'
import { signedInContext } from '../support/browserSession'
import { as, call, LOGINS } from '../support/serve'
import { pointInGrid } from '../support/servedCity'

const { city, browser } = browserCity()

/** The demo grid worker's grid. */
const GRID = '231281001001001'
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

/**
 * A JPEG with the place it was taken in its EXIF GPS block, as a phone's camera writes it: `jpeg` (a plain JFIF from a
 * canvas) with an APP1 segment put right after its start-of-image marker. Big-endian TIFF; IFD0 holds only the GPS IFD's
 * offset; the GPS IFD the version, N/E and the degrees, minutes and seconds of each coordinate as rationals.
 */
function withGps(jpeg: Buffer, [lon, lat]: readonly [number, number]): Buffer {
  const tiff = Buffer.alloc(140)
  tiff.write('MM', 0, 'latin1')
  tiff.writeUInt16BE(42, 2)
  tiff.writeUInt32BE(8, 4)
  const entry = (at: number, tag: number, type: number, count: number, value: (b: Buffer, at: number) => void) => {
    tiff.writeUInt16BE(tag, at)
    tiff.writeUInt16BE(type, at + 2)
    tiff.writeUInt32BE(count, at + 4)
    value(tiff, at + 8)
  }
  // IFD0: one entry, GPSInfo (0x8825, LONG) pointing at the GPS IFD at 26.
  tiff.writeUInt16BE(1, 8)
  entry(10, 0x8825, 4, 1, (b, at) => b.writeUInt32BE(26, at))
  tiff.writeUInt32BE(0, 22)
  // GPS IFD at 26: five entries (2 + 5 × 12 + 4 = 66 bytes), its rationals after it at 92 and 116.
  tiff.writeUInt16BE(5, 26)
  entry(28, 0x0000, 1, 4, (b, at) => b.set([2, 2, 0, 0], at))
  entry(40, 0x0001, 2, 2, (b, at) => b.write('N\0', at, 'latin1'))
  entry(52, 0x0002, 5, 3, (b, at) => b.writeUInt32BE(92, at))
  entry(64, 0x0003, 2, 2, (b, at) => b.write('E\0', at, 'latin1'))
  entry(76, 0x0004, 5, 3, (b, at) => b.writeUInt32BE(116, at))
  tiff.writeUInt32BE(0, 88)
  const dms = (at: number, deg: number) => {
    const d = Math.floor(deg)
    const m = Math.floor((deg - d) * 60)
    const s = Math.round(((deg - d) * 60 - m) * 60 * 10_000)
    ;[[d, 1], [m, 1], [s, 10_000]].forEach(([num, den], i) => {
      tiff.writeUInt32BE(num!, at + i * 8)
      tiff.writeUInt32BE(den!, at + i * 8 + 4)
    })
  }
  dms(92, lat)
  dms(116, lon)
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const header = Buffer.alloc(4)
  header.writeUInt16BE(0xffe1, 0)
  header.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)])
}

/** A photo of a blocked stairwell as a canvas draws it (a real JPEG the server can decode), 1200×900. */
async function sitePhoto(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(async () => {
    const c = new OffscreenCanvas(1200, 900)
    const g = c.getContext('2d')!
    const sky = g.createLinearGradient(0, 0, 0, 900)
    sky.addColorStop(0, '#5b6470')
    sky.addColorStop(1, '#2a2f36')
    g.fillStyle = sky
    g.fillRect(0, 0, 1200, 900)
    g.fillStyle = '#8a6a48'
    for (let i = 0; i < 9; i++) g.fillRect(80 + i * 118, 420 + (i % 3) * 40, 100, 480 - (i % 3) * 40)
    g.fillStyle = '#c0392b'
    g.fillRect(960, 140, 120, 200)
    g.fillStyle = '#fff'
    g.font = 'bold 64px sans-serif'
    g.fillText('消防通道', 80, 140)
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.85 })
    const bytes = new Uint8Array(await blob.arrayBuffer())
    let s = ''
    for (const byte of bytes) s += String.fromCharCode(byte)
    return btoa(s)
  })
  return Buffer.from(b64, 'base64')
}

/** How many reads the phone keeps in IndexedDB for when there is no signal. */
const keptReads = (page: Page) => page.evaluate(() => new Promise<number>((resolve) => {
  const open = indexedDB.open('gridgov-phone-reads')
  open.onsuccess = () => {
    const db = open.result
    if (!db.objectStoreNames.contains('reads')) return resolve(0)
    const count = db.transaction('reads').objectStore('reads').count()
    count.onsuccess = () => resolve(count.result)
  }
  open.onerror = () => resolve(0)
}))

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir(), name) })

describe('the grid worker\'s phone at 390×844', () => {
  it('reports with a photo while offline: the report waits on the phone, survives a reload with no signal, and is filed once when the signal returns, though the first answer is lost', async () => {
    const at = await pointInGrid(city.db, GRID)
    // A case the grid already has open, filed through the API: the list the phone keeps for no signal is not empty.
    const earlier = await call(`${city.server.url}/api/v1/cases`, 'POST', {
      category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: at, description: '楼上漏水，两户争执',
    }, as.gridWorker)
    expect(earlier.status).toBe(201)
    const context = await signedInContext(browser(), city.server.url, LOGINS.gridWorker, {
      ...PHONE, geolocation: { longitude: at[0], latitude: at[1], accuracy: 12 }, permissions: ['geolocation'],
    })
    const page = await context.newPage()
    const leaks = offMachineRequests(page)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))

    // Online first: the page, its shell kept by the service worker, the grid and its open cases kept on the phone.
    await page.goto(`${city.server.url}/m`)
    const phone = page.getByTestId('phone')
    await phone.waitFor({ timeout: 30_000 })
    const [{ name: gridName }] = await city.db.query<{ name: string }>('SELECT name FROM grids WHERE code = $1 AND valid_to IS NULL', [GRID]) as [{ name: string }]
    await expect.poll(() => page.getByTestId('grid-name').textContent(), { timeout: 10_000 }).toBe(gridName)
    await expect.poll(() => page.locator('html').getAttribute('data-offline-ready'), { timeout: 20_000 }).toBe('true')
    await expect.poll(() => page.getByTestId('fix').textContent(), { timeout: 10_000 }).toMatch(/^已定位 · 精度约 12 米 · 在本网格内$/)
    await expect.poll(() => keptReads(page), { timeout: 10_000 }).toBe(2)
    expect(await page.getByTestId('net').textContent()).toBe('在线')
    // No map on the phone: its page loads no map library and draws no canvas.
    expect(await page.locator('canvas').count()).toBe(0)
    await shot(page, 'phone-online.png')

    // No signal. The report is made all the same: a fire hazard, what was seen, a photo from the camera.
    await context.setOffline(true)
    await expect.poll(() => page.getByTestId('net').textContent()).toBe('离线')
    const description = `三单元楼道堆放纸箱杂物，堵塞消防通道（${Date.now()}）`
    const form = page.getByTestId('report-form')
    await form.getByRole('radio', { name: '安全隐患' }).click()
    await form.getByRole('radio', { name: '消防隐患' }).click()
    await form.getByLabel('情况描述').fill(description)
    const jpeg = withGps(await sitePhoto(page), at)
    await page.getByTestId('photo-camera').setInputFiles({ name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    await expect.poll(() => page.getByTestId('photo').count()).toBe(1)
    await shot(page, 'phone-offline-form.png')
    await page.getByTestId('report-submit').click()

    const queued = page.getByTestId('queued-report')
    await expect.poll(() => queued.count(), { timeout: 5000 }).toBe(1)
    expect(await queued.getAttribute('data-state')).toBe('waiting')
    expect(await queued.getByTestId('queued-state').textContent()).toBe('无网络 · 已存本机，有信号后自动发送')
    expect(await page.getByTestId('nav-waiting').textContent()).toBe('1')
    const key = await queued.getAttribute('data-key')
    expect(key).toMatch(/^m-[0-9a-f]{32}$/)
    // The form is clear for the next report, nothing chosen.
    expect(await form.getByLabel('情况描述').inputValue()).toBe('')
    expect(await form.locator('[role=radio][aria-checked=true]').count()).toBe(1) // only the place: 当前位置
    await shot(page, 'phone-offline-queued.png')
    const filed = () => city.db.query<{ id: number; code: string }>('SELECT id, code FROM cases WHERE description = $1', [description])
    expect(await filed()).toEqual([])

    // The phone is put away and taken out again, still with no signal: the page opens from the service worker,
    // signed in as before, the report still waiting with the same key, and the grid's cases as last read.
    const reloaded = await page.reload()
    expect(reloaded?.fromServiceWorker()).toBe(true)
    await phone.waitFor({ timeout: 10_000 })
    expect(await phone.getAttribute('data-offline')).toBe('true')
    await expect.poll(() => queued.count(), { timeout: 5000 }).toBe(1)
    expect(await queued.getAttribute('data-key')).toBe(key)
    expect(await queued.getAttribute('data-state')).toBe('waiting')
    expect(await page.getByTestId('grid-name').textContent()).toBe(gridName)
    await shot(page, 'phone-offline-reloaded.png')
    await page.getByTestId('nav-cases').click()
    await expect.poll(() => page.getByTestId('stale-note').count(), { timeout: 5000 }).toBe(1)
    const openBefore = await page.getByTestId('grid-case').count()
    expect(await page.locator(`[data-testid=grid-case][data-case-id="${(earlier.body as { id: number }).id}"]`).count()).toBe(1)
    await shot(page, 'phone-offline-cases.png')
    await page.getByTestId('nav-report').click()

    // The signal returns, and the first answer to the report is lost on the way back (the server filed it): the
    // phone sends it again with the same key and gets the same case, 200; the case exists once.
    const posts: { key: string | undefined; status: number }[] = []
    await context.route('**/api/v1/cases', async (route: Route) => {
      if (route.request().method() !== 'POST') return route.fallback()
      const answer = await route.fetch()
      posts.push({ key: route.request().headers()['idempotency-key'], status: answer.status() })
      if (posts.length === 1) return route.abort('internetdisconnected')
      return route.fulfill({ response: answer })
    })
    await context.setOffline(false)
    await expect.poll(() => queued.getAttribute('data-state'), { timeout: 40_000 }).toBe('sent')
    expect(posts).toEqual([{ key, status: 201 }, { key, status: 200 }])
    const rows = await filed()
    expect(rows).toHaveLength(1)
    const [{ id, code }] = rows as [{ id: number; code: string }]
    expect(await queued.getAttribute('data-case-id')).toBe(String(id))
    expect(await queued.getByTestId('queued-state').textContent()).toBe(`已上报 · 案件编号 ${code} · 照片 1 张`)
    expect(await page.getByTestId('net').textContent()).toBe('在线')
    expect(await page.getByTestId('nav-waiting').count()).toBe(0)
    await shot(page, 'phone-sent.png')

    // The case as the store and the API have it: the grid worker's report in the grid, with its photo, taken where the phone was.
    const [stored] = await city.db.query<{ source: string; grid: string; photos: number }>(`
      SELECT c.source, g.code AS grid, (SELECT count(*)::int FROM case_photos p WHERE p.case_id = c.id) AS photos
      FROM cases c JOIN grids g ON g.id = c.grid_id WHERE c.id = $1`, [id])
    expect(stored).toEqual({ source: 'grid_worker', grid: GRID, photos: 1 })
    const photos = await call(`${city.server.url}/api/v1/cases/${id}/photos`, 'GET', undefined, as.gridWorker)
    expect(photos.status).toBe(200)
    const [photo] = (photos.body as { photos: { id: number; width: number; height: number; takenAt: [number, number] | null }[] }).photos
    expect(photo).toMatchObject({ width: 1200, height: 900 })
    expect(photo!.takenAt![0]).toBeCloseTo(at[0], 4)
    expect(photo!.takenAt![1]).toBeCloseTo(at[1], 4)
    // What another screen reads: the grid's open cases hold it once, for the duty leader as for the worker.
    const open = await call(`${city.server.url}/api/v1/cases?grid=${GRID}&state=open`, 'GET', undefined, as.dutyLeader)
    expect((open.body as { id: number }[]).filter((c) => c.id === id)).toHaveLength(1)

    // On the phone, the grid's list has it; opened, it shows its photo and what the worker may do, and a step is taken.
    await page.getByTestId('nav-cases').click()
    const card = page.locator(`[data-testid=grid-case][data-case-id="${id}"]`)
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1)
    expect(await page.getByTestId('stale-note').count()).toBe(0)
    expect(await page.getByTestId('grid-case').count()).toBe(openBefore + 1)
    await shot(page, 'phone-cases.png')
    await card.click()
    const pane = page.getByTestId('case-pane')
    await expect.poll(() => pane.getAttribute('data-case-id'), { timeout: 10_000 }).toBe(String(id))
    expect(new URL(page.url()).pathname).toBe(`/m/case/${id}`)
    await expect.poll(() => page.getByTestId('case-photos').locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await pane.getByTestId('description').textContent()).toBe(description)
    await shot(page, 'phone-case.png')
    const tabs = await pane.getByRole('tab').allTextContents()
    expect(tabs.length).toBeGreaterThan(0)
    await pane.getByRole('tab').first().click()
    const stepForm = pane.getByTestId('step-form')
    await stepForm.locator('button[type=submit]').click()
    const confirm = stepForm.getByTestId('confirm')
    if (await confirm.count()) await confirm.getByRole('button', { name: /^确认/ }).click()
    await expect.poll(() => pane.getByTestId('notice').getAttribute('class'), { timeout: 10_000 }).toBe('notice done')
    const [{ steps }] = await city.db.query<{ steps: number }>('SELECT count(*)::int AS steps FROM case_history WHERE case_id = $1', [id]) as [{ steps: number }]
    expect(steps).toBeGreaterThan(1)
    await shot(page, 'phone-case-acted.png')

    expect(errors).toEqual([])
    expect(leaks).toEqual([])
    process.stdout.write(`[phone] screenshots in ${screenshotDir()}\n`)
    await context.close()
  })

  it('is its own page: /m and its views serve the phone\'s HTML, fresh each time, with its service worker beside it; the desk screens keep theirs', async () => {
    const page = await fetch(`${city.server.url}/m/case/12`)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-cache')
    const html = await page.text()
    expect(html).toMatch(/src="\/assets\/m-[\w-]+\.js"/)
    const worker = await fetch(`${city.server.url}/m-sw.js`)
    expect(worker.status).toBe(200)
    expect(worker.headers.get('cache-control')).toBe('no-cache')
    expect(worker.headers.get('service-worker-allowed')).toBe('/m')
    expect(worker.headers.get('content-type')).toMatch(/javascript/)
    const desk = await (await fetch(`${city.server.url}/desk`)).text()
    expect(desk).not.toContain('/assets/m-')
    expect((await fetch(`${city.server.url}/m/nothing.js`)).status).toBe(404)
    // The phone's script carries no map: a few hundred KB, not the screens' megabytes.
    const script = await fetch(`${city.server.url}${/src="(\/assets\/m-[\w-]+\.js)"/.exec(html)![1]}`, { headers: { 'accept-encoding': 'identity' } })
    const body = await script.text()
    expect(body.length).toBeLessThan(600_000)
    expect(body).not.toContain('maplibre')
  })

  it('signs a grid worker in on the phone and stays on /m; signing out forgets the account on the phone; another role is sent to its desk', async () => {
    const context = await browser().newContext(PHONE)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${city.server.url}/m`)
    await page.getByTestId('sign-in-page').waitFor({ timeout: 30_000 })
    // The card fits the phone: nothing runs off its right edge.
    const card = (await page.locator('.sign-in-card').boundingBox())!
    expect(card.x).toBeGreaterThanOrEqual(0)
    expect(card.x + card.width).toBeLessThanOrEqual(390)
    await shot(page, 'phone-sign-in.png')
    await page.locator('input[name=login]').fill(LOGINS.gridWorker)
    await page.locator('input[name=password]').fill(DEMO_PASSWORD)
    await page.getByTestId('sign-in-submit').click()
    await page.getByTestId('phone').waitFor({ timeout: 30_000 })
    expect(new URL(page.url()).pathname).toBe('/m')
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('gridgov.phone.me') ?? 'null')?.login)).toBe(LOGINS.gridWorker)

    await page.getByTestId('sign-out').click()
    await page.getByTestId('sign-in-page').waitFor({ timeout: 30_000 })
    expect(await page.evaluate(() => localStorage.getItem('gridgov.phone.me'))).toBeNull()

    await page.locator('input[name=login]').fill(LOGINS.communityOfficer)
    await page.locator('input[name=password]').fill(DEMO_PASSWORD)
    await page.getByTestId('sign-in-submit').click()
    const notHere = page.getByTestId('not-grid-worker')
    await notHere.waitFor({ timeout: 30_000 })
    expect(await notHere.locator('a').getAttribute('href')).toBe('/desk')
    expect(errors).toEqual([])
    await context.close()
  })
})
