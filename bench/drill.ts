import * as turf from '@turf/turf'
import type { Page } from 'playwright-core'
import { GridCollection } from '../contract'
import { launchChromium } from '../tests/support/browser'
import type { Row } from './foundation'
import { DEMO_PASSWORD } from '../data/demoAccounts'
import { benchKeys, benchStore, startServer, stopServer } from './processes'
import { median, p95 } from './stats'

const CLICKS = 15

/**
 * From a click on a grid of the township on screen to the first frame with its panel filled (the
 * area, its cases, cover and figures read and drawn), timed in the page. The listeners are in place
 * before the click is sent. Sent as text: tsx compiles this file keeping function names through a
 * helper the page does not have.
 */
async function clickToPanel(page: Page, code: string, at: { x: number; y: number }): Promise<number> {
  await page.evaluate(`(() => {
    const timing = window.drillTiming = { clicked: 0, filled: 0 }
    const panel = document.querySelector('[data-testid=drill-panel]')
    addEventListener('pointerdown', () => { timing.clicked = performance.now() }, { capture: true, once: true })
    const seen = new MutationObserver(() => {
      if (panel.getAttribute('data-loaded') !== ${JSON.stringify(code)}) return
      seen.disconnect()
      requestAnimationFrame(() => { timing.filled = performance.now() })
    })
    seen.observe(panel, { attributes: true, attributeFilter: ['data-loaded'] })
  })()`)
  await page.mouse.click(at.x, at.y)
  const timing = await page.waitForFunction('window.drillTiming.filled > 0 && window.drillTiming.clicked', null, { timeout: 15_000 })
    .then(() => page.evaluate('window.drillTiming') as Promise<{ clicked: number; filled: number }>)
  return timing.filled - timing.clicked
}

/** The same reads with nothing else: the three requests the panel waits for, fetched and parsed in the page. */
function bareReads(page: Page, code: string): Promise<number> {
  return page.evaluate(async (c) => {
    const t = performance.now()
    await Promise.all([
      `/api/v1/areas/grid/${c}`, `/api/v1/cases?grid=${c}&closedDays=30&limit=1000`, `/api/v1/kpis?region=${c}`,
    ].map((u) => fetch(u).then((r) => r.json())))
    return performance.now() - t
  }, code)
}

/**
 * A duty leader's desk screen at 1080p in Debian's Chromium: a township open, then a click on each
 * of `CLICKS` of its grids, timed to the panel filled, beside the bare reads of the same data.
 */
export async function drillBench(engine: 'pglite' | 'pg', pgUrl?: string): Promise<Row[]> {
  const store = await benchStore(engine, 'drill', pgUrl)
  const port = 21_000 + (process.pid % 1000)
  const base = `http://127.0.0.1:${port}`
  const server = await startServer('server/src/main.ts', store.env, port)
  const browser = await launchChromium()
  try {
    const township = '231281001000'
    const { leader } = await benchKeys(base)
    const grids = GridCollection.parse(await (await fetch(`${base}/api/v1/grids?region=${township}&level=township`, { headers: { 'x-api-key': leader } })).json()).features.slice(0, CLICKS)
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 })
    // The duty leader signed in once, as at the start of a shift.
    await context.request.post(`${base}/api/v1/session`, { data: { login: 'leader', password: DEMO_PASSWORD } })
    const page = await context.newPage()
    const loaded = (code: string) => page.waitForFunction((c) => document.querySelector('[data-testid=drill-panel]')?.getAttribute('data-loaded') === c, code, { timeout: 60_000 })
    await page.goto(`${base}/drill/township/${township}`)
    await loaded(township)
    // A click before the map has drawn the city finds no grid under it.
    await page.waitForFunction(() => document.querySelector('[data-testid=city-map]')?.getAttribute('data-ready') === 'true', null, { timeout: 60_000 })
    const clicks: number[] = []
    const bare: number[] = []
    for (const grid of grids) {
      // The map has flown to the township: wait for it to settle before the click.
      await page.waitForTimeout(800)
      const [lon, lat] = turf.pointOnFeature(grid as GeoJSON.Feature).geometry.coordinates as [number, number]
      const at = await page.evaluate((p) => (window as unknown as { commandCentre: { map: { project(p: [number, number]): { x: number; y: number } } } }).commandCentre.map.project(p), [lon, lat] as [number, number])
      clicks.push(await clickToPanel(page, grid.properties.code, at))
      bare.push(await bareReads(page, grid.properties.code))
      await page.goBack()
      await loaded(township)
    }
    await context.close()
    return [{
      measure: `/drill: click on a grid → its panel filled, median / p95 of ${CLICKS} at 1080p`, engine,
      value: `${median(clicks).toFixed(0)} / ${p95(clicks).toFixed(0)} ms`,
      baseline: `${median(bare).toFixed(0)} / ${p95(bare).toFixed(0)} ms bare fetch of the same three reads; target ≤ 300 ms`,
    }]
  } finally {
    await browser.close()
    await stopServer(server)
    await store.drop()
  }
}
