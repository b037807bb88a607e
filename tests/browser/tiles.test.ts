import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GridCollection } from '../../contract'
import { mapSettled, screenshotDir } from '../support/browser'
import { browserCity } from '../support/browserCity'
import { signedInContext } from '../support/browserSession'
import { as, call } from '../support/serve'

const { city, browser } = browserCity()

type TestMap = {
  addSource(id: string, source: object): void
  addLayer(layer: object): void
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number }
  getZoom(): number
  querySourceFeatures(source: string, options: { sourceLayer: string }): { properties: Record<string, unknown> }[]
  queryRenderedFeatures(options: { layers: string[] }): unknown[]
}

describe('the vector tiles in MapLibre', () => {
  it('are read by MapLibre as a vector source, with the session the screen signed in with: every grid in view, by its code', async () => {
    const context = await signedInContext(browser(), city.server.url, 'leader', { viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    await page.goto(`${city.server.url}/drill/township/231281001000`)
    await expect.poll(() => page.getByTestId('drill-panel').getAttribute('data-loaded'), { timeout: 60_000 }).toBe('231281001000')
    await mapSettled(page)
    const failed: string[] = []
    page.on('response', (r) => { if (r.url().includes('/tiles/') && r.status() !== 200) failed.push(`${r.status()} ${r.url()}`) })
    await page.evaluate((origin) => {
      const { map } = (window as unknown as { commandCentre: { map: TestMap } }).commandCentre
      map.addSource('grid-tiles', { type: 'vector', tiles: [`${origin}/tiles/grids/{z}/{x}/{y}.mvt`], minzoom: 10, maxzoom: 16 })
      map.addLayer({ id: 'grid-tiles-line', type: 'line', source: 'grid-tiles', 'source-layer': 'grids', paint: { 'line-color': '#ff00ff', 'line-width': 3 } })
    }, city.server.url)
    await mapSettled(page)
    const seen = await page.evaluate(() => {
      const { map } = (window as unknown as { commandCentre: { map: TestMap } }).commandCentre
      const b = map.getBounds()
      return {
        bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
        zoom: map.getZoom(),
        codes: [...new Set(map.querySourceFeatures('grid-tiles', { sourceLayer: 'grids' }).map((f) => f.properties.code as string))],
        drawn: map.queryRenderedFeatures({ layers: ['grid-tiles-line'] }).length,
      }
    })
    expect(failed).toEqual([])
    expect(seen.zoom).toBeGreaterThanOrEqual(10)
    const inView = GridCollection.parse((await call(`${city.server.url}/api/v1/grids?bbox=${seen.bbox.join(',')}`, 'GET', undefined, as.dutyLeader)).body)
      .features.map((f) => f.properties.code)
    expect(inView.length).toBeGreaterThan(10)
    expect(seen.codes).toEqual(expect.arrayContaining(inView))
    expect(seen.drawn).toBeGreaterThan(0)
    await page.screenshot({ path: join(screenshotDir(), 'tiles-in-maplibre.png') })
    await context.close()
  })
})
