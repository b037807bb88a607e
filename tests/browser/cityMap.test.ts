import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientAssets } from '../../server/src/api/clientAssets'
import { CLIENT_DIST } from '../../server/src/clientBuild'
import { launchChromium, offMachineRequests, screenshotDir, webglRenderer } from '../support/browser'
import { as, call, serve } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

const city = servedCity({ client: clientAssets(CLIENT_DIST) })
let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('the live cases on /', () => {
  it('shows a case reported through the API within a second, and says it is live', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 })
    await page.goto(city.server.url + '/')
    await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
    const openCases = async () => Number(await page.getByTestId('open-cases').textContent())
    const [open] = await city.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE state <> 'closed'`)
    const n = open!.n
    await expect.poll(openCases, { timeout: 10_000 }).toBe(n)

    const location = await pointInGrid(city.db, '231281001001001')
    const posted = Date.now()
    const res = await call(`${city.server.url}/api/v1/cases`, 'POST', {
      category: 'hazard', kind: 'fire', source: 'grid_worker', location, description: '楼道堆放杂物',
    }, as.gridWorker)
    expect(res.status).toBe(201)
    await expect.poll(openCases, { timeout: 1000, interval: 25 }).toBe(n + 1)
    console.log(`[browser] new case on screen after ${Date.now() - posted} ms`)
    await page.screenshot({ path: join(screenshotDir(), 'city-map-live-1080p.png') })
    await page.close()
  })
})

describe('the connection indicator', () => {
  it('says plainly when the screen is not live, since when, and recovers by itself when the server returns', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 })
    await page.goto(city.server.url + '/')
    const indicator = page.getByTestId('connection')
    await expect.poll(() => indicator.getAttribute('data-live'), { timeout: 60_000 }).toBe('true')

    const { port } = city.server
    await city.server.stop()
    await expect.poll(() => indicator.getAttribute('data-live'), { timeout: 10_000 }).toBe('false')
    expect(await indicator.textContent()).toMatch(/^● 未连接（自 \d{2}:\d{2}:\d{2}）$/)
    await page.screenshot({ path: join(screenshotDir(), 'city-map-not-live-1080p.png'), clip: { x: 0, y: 0, width: 640, height: 140 } })

    city.server = await serve(city.db, { port, client: clientAssets(CLIENT_DIST) })
    await expect.poll(() => indicator.getAttribute('data-live'), { timeout: 15_000 }).toBe('true')
    // Caught up, not just connected: a case reported after the restart still reaches the screen.
    const before = Number(await page.getByTestId('open-cases').textContent())
    await call(`${city.server.url}/api/v1/cases`, 'POST', {
      category: 'dispute', kind: 'labour', source: 'hotline_12345', location: await pointInGrid(city.db, '231281001001001'),
    }, as.gridWorker)
    await expect.poll(async () => Number(await page.getByTestId('open-cases').textContent()), { timeout: 2000 }).toBe(before + 1)
    await page.close()
  })
})

describe('the first look at /', () => {
  for (const [label, width, height] of [['1080p', 1920, 1080], ['4k', 3840, 2160]] as const) {
    it(`draws the city's grids on a dark map at ${label}, offline`, async () => {
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 })
      const leaks = offMachineRequests(page)
      const errors: string[] = []
      page.on('pageerror', (err) => errors.push(err.message))
      await page.goto(city.server.url + '/')
      console.log(`[browser] WebGL renderer: ${await webglRenderer(page)}`)
      const map = page.getByTestId('city-map')
      await expect.poll(() => map.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')

      // Most of the 1,011 grids are on screen when the whole city is in view.
      expect(Number(await map.getAttribute('data-rendered-grids'))).toBeGreaterThan(900)
      await expect.poll(() => page.locator('.map-title').textContent()).toContain('网格 1011 个')

      const shot = join(screenshotDir(), `city-map-${label}.png`)
      const png = await page.screenshot({ path: shot })
      console.log(`[browser] screenshot: ${shot}`)
      // The map is dark, not black: the city ground and grid fills light up part of the screen.
      const { dark, lit } = await page.evaluate(async (b64) => {
        const img = new Image()
        img.src = `data:image/png;base64,${b64}`
        await img.decode()
        const c = new OffscreenCanvas(img.width, img.height)
        const ctx = c.getContext('2d')!
        ctx.drawImage(img, 0, 0)
        const px = ctx.getImageData(0, 0, img.width, img.height).data
        let dark = 0
        let lit = 0
        for (let i = 0; i < px.length; i += 4 * 97) {
          const l = 0.2126 * px[i]! + 0.7152 * px[i + 1]! + 0.0722 * px[i + 2]!
          if (l < 60) dark++
          if (l > 25) lit++
        }
        const n = px.length / (4 * 97)
        return { dark: dark / n, lit: lit / n }
      }, png.toString('base64'))
      expect(dark).toBeGreaterThan(0.8)
      expect(lit).toBeGreaterThan(0.15)

      expect(errors).toEqual([])
      expect(leaks).toEqual([])
      await page.close()
    })
  }
})
