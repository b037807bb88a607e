import { join } from 'node:path'
import * as turf from '@turf/turf'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { Draft } from '../../contract'
import { mapSettled, screenshotDir } from '../support/browser'
import { as, call } from '../support/serve'
import { browserCity } from '../support/browserCity'
import { signedInContext, wallContext } from '../support/browserSession'

const { city, browser } = browserCity()

type Px = { x: number; y: number }

const project = (page: Page, lonLat: [number, number]): Promise<Px> => page.evaluate((p) => {
  const { x, y } = (window as unknown as { commandCentre: { map: { project(p: [number, number]): Px } } }).commandCentre.map.project(p)
  return { x, y }
}, lonLat)

const draftOf = async (page: Page) => {
  const id = await page.getByTestId('editor-panel').getAttribute('data-draft')
  return Draft.parse((await call(`${city.server.url}/api/v1/drafts/${id}`, 'GET', undefined, as.analyst)).body)
}
/** Whose selected grid's vertex handle is drawn at a pixel, if any. */
const handleOf = (page: Page, at: Px): Promise<string | null> => page.evaluate(({ x, y }) => {
  type Map = { getLayer(id: string): unknown; queryRenderedFeatures(p: [number, number], o: object): { properties: Record<string, unknown> }[] }
  const { map } = (window as unknown as { commandCentre: { map: Map } }).commandCentre
  if (!map.getLayer('td-point')) return null
  const handle = map.queryRenderedFeatures([x, y], { layers: ['td-point'] }).find((f) => f.properties.selectionPoint)
  return handle ? String(handle.properties.selectionPointFeatureId) : null
}, at)
/** The grids terra-draw holds on the map, each draggable when selected. */
const drawnGrids = (page: Page): Promise<number> => page.evaluate(() => {
  type Map = { getSource(id: string): unknown; querySourceFeatures(s: string): unknown[] }
  const { map } = (window as unknown as { commandCentre: { map: Map } }).commandCentre
  return map.getSource('td-polygon') ? map.querySourceFeatures('td-polygon').length : 0
})
const errorsShown = async (page: Page) => Number(await page.getByTestId('check-errors').textContent())

describe('the analysts’ grid editor at 1080p', () => {
  it('splits a grid with a line, refuses a vertex dragged into a neighbour, and publishes the fix: a case in the new half moves there, on the wall too', async () => {
    // A village of a few large grids, so each is big on screen; its largest grid is the one redrawn.
    const [target] = await city.db.query<{ community: string; grid: string }>(`
      WITH villages AS (
        SELECT r.id, r.code FROM regions r JOIN grids g ON g.community_id = r.id AND g.valid_to IS NULL
        WHERE r.level = 'community' GROUP BY r.id, r.code HAVING count(*) BETWEEN 3 AND 6 ORDER BY r.code LIMIT 1
      )
      SELECT v.code AS community, g.code AS grid FROM grids g JOIN villages v ON v.id = g.community_id
      WHERE g.valid_to IS NULL ORDER BY ST_Area(g.geom) DESC LIMIT 1`)
    expect(target, 'a village of a few grids').toBeDefined()
    const { community, grid } = target!

    const context = await signedInContext(browser(), city.server.url, 'analyst')
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${city.server.url}/editor?community=${community}`)
    await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    await page.getByTestId('new-draft').click()
    await expect.poll(() => page.getByTestId('editor-panel').getAttribute('data-errors'), { timeout: 15_000 }).toBe('0')
    // The map fits the community: clicks are projected where the grids stay.
    await mapSettled(page)

    // Select the grid, then draw a line across it, two clicks and Enter.
    const before = await draftOf(page)
    const shape = before.features.features.find((f) => f.properties.code === grid)!
    const [minX, minY, maxX, maxY] = turf.bbox(shape as GeoJSON.Feature)
    const cutX = minX + 0.35 * (maxX - minX)
    const inside = turf.pointOnFeature(shape as GeoJSON.Feature).geometry.coordinates as [number, number]
    const inKept = turf.booleanPointInPolygon([cutX + 0.6 * (maxX - cutX), (minY + maxY) / 2], shape as GeoJSON.Feature<GeoJSON.Polygon>)
      ? [cutX + 0.6 * (maxX - cutX), (minY + maxY) / 2] as [number, number] : inside
    const select = await project(page, inKept)
    await page.mouse.click(select.x, select.y)
    await expect.poll(() => page.getByTestId('grid-form').getAttribute('data-code'), { timeout: 5000 }).toBe(grid)
    await page.getByTestId('split').click()
    const top = await project(page, [cutX, maxY + 0.2 * (maxY - minY)])
    const bottom = await project(page, [cutX, minY - 0.2 * (maxY - minY)])
    await page.mouse.click(top.x, top.y)
    await page.mouse.click(bottom.x, bottom.y)
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await draftOf(page)).features.features.length, { timeout: 10_000 }).toBe(before.features.features.length + 1)
    await expect.poll(() => page.getByTestId('editor-panel').getAttribute('data-errors'), { timeout: 10_000 }).toBe('0')
    expect(await page.getByTestId('check-ok').count()).toBe(1)
    const split = await draftOf(page)
    const added = split.features.features.find((f) => !before.features.features.some((b) => b.properties.code === f.properties.code))!
    expect(added.properties.sourceCode).toBe(grid)
    await page.screenshot({ path: join(screenshotDir(), 'editor-split-1080p.png') })

    // A save refused keeps what was typed: the form's own check marks a bad field before any request; a save on a
    // draft changed elsewhere (409) shows the draft as it is now with the typed name still in the form.
    const form = page.getByTestId('grid-form')
    await expect.poll(() => form.getAttribute('data-code'), { timeout: 5000 }).toBe(grid)
    await form.locator('input[name=households]').fill('-5')
    await form.getByRole('button', { name: '保存属性' }).click()
    await expect.poll(() => form.locator('input[name=households]').getAttribute('aria-invalid'), { timeout: 2000 }).toBe('true')
    expect(await form.locator('[data-field=households]').textContent()).toMatch(/^户数：/)
    expect(await form.locator('input[name=households]').inputValue()).toBe('-5')
    expect((await draftOf(page)).version).toBe(split.version)
    await form.locator('input[name=households]').fill(String(split.features.features.find((f) => f.properties.code === grid)!.properties.households))
    expect(await form.locator('input[name=households]').getAttribute('aria-invalid')).toBeNull()
    const elsewhere = await call(`${city.server.url}/api/v1/drafts/${split.id}`, 'PUT', { features: split.features, expectedVersion: split.version }, as.analyst)
    expect(elsewhere.status).toBe(200)
    await form.locator('input[name=name]').fill('网格东区')
    await form.getByRole('button', { name: '保存属性' }).click()
    await expect.poll(() => page.getByTestId('editor-panel').getAttribute('data-version'), { timeout: 5000 }).toBe(String(split.version + 1))
    expect(await page.getByTestId('notice').getAttribute('class')).toContain('error')
    await expect.poll(() => page.getByTestId('grid-form').locator('input[name=name]').inputValue(), { timeout: 5000 }).toBe('网格东区')
    await page.getByTestId('grid-form').getByRole('button', { name: '保存属性' }).click()
    await expect.poll(async () => (await draftOf(page)).features.features.find((f) => f.properties.code === grid)!.properties.name, { timeout: 5000 }).toBe('网格东区')

    // An open case in the half that gets the new code: it lies in the current grid until publishing.
    const inNew = turf.pointOnFeature(added as GeoJSON.Feature).geometry.coordinates as [number, number]
    const report = await call(`${city.server.url}/api/v1/cases`, 'POST', { category: 'dispute', kind: 'land', source: 'grid_worker', location: inNew }, as.dutyLeader)
    expect(report.status).toBe(201)
    const caseId = (report.body as { id: number }).id

    // Drag the corner the new half shares with the kept one (where the cut met the boundary) into the
    // kept half's middle, far from any edge it would snap to: an overlap, drawn, and no publishing.
    const ring = (f: (typeof split.features.features)[number]) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0]! : f.geometry.coordinates[0]![0]!)
    const kept = split.features.features.find((f) => f.properties.code === grid)!
    const corner = ring(added).find((p) => ring(kept).some((q) => q[0] === p[0] && q[1] === p[1]))!
    expect(corner, 'a corner the halves share').toBeDefined()
    const newHalf = await project(page, turf.centroid(added as GeoJSON.Feature).geometry.coordinates as [number, number])
    await page.mouse.click(newHalf.x, newHalf.y)
    await expect.poll(() => page.getByTestId('grid-form').getAttribute('data-code'), { timeout: 5000 }).toBe(added.properties.code)
    const into = await project(page, turf.centroid(kept as GeoJSON.Feature).geometry.coordinates as [number, number])
    const vertex = await project(page, corner as [number, number])
    // The drag starts on the new half's own vertex handle (terra-draw's td-point layer), once it is drawn there.
    await expect.poll(() => handleOf(page, vertex), { timeout: 5000 }).toBe(added.properties.code)
    await page.mouse.move(vertex.x, vertex.y)
    await page.mouse.down()
    for (let i = 1; i <= 8; i++) await page.mouse.move(vertex.x + ((into.x - vertex.x) * i) / 8, vertex.y + ((into.y - vertex.y) * i) / 8)
    await page.mouse.up()
    await expect.poll(() => errorsShown(page), { timeout: 10_000 }).toBeGreaterThan(0)
    const rules = await page.getByTestId('check').locator('[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))
    console.log(`[browser] editor: a corner dragged into the neighbour: ${rules.join(', ')}`)
    expect(rules).toContain('overlap')
    expect(await page.getByTestId('check').locator('.area').first().textContent()).toMatch(/m²|公顷/)
    expect(await page.getByTestId('publish').isDisabled()).toBe(true)
    const broken = await draftOf(page)
    const refused = await call(`${city.server.url}/api/v1/drafts/${broken.id}/publish`, 'POST', { expectedVersion: broken.version, note: '重叠未改正时试发布' }, as.analyst)
    expect(refused.status).toBe(422)
    await page.screenshot({ path: join(screenshotDir(), 'editor-overlap-1080p.png') })

    // Undo the drag, look at what publishing does, publish; a wall open elsewhere draws the new grid.
    await page.getByTestId('undo').click()
    await expect.poll(() => page.getByTestId('editor-panel').getAttribute('data-errors'), { timeout: 10_000 }).toBe('0')
    await page.getByTestId('diff').click()
    await expect.poll(() => page.getByTestId('moves').textContent(), { timeout: 5000 }).not.toBe('0')
    expect(await page.getByTestId('diff-report').textContent()).toContain(added.properties.code)

    const wall = await wallContext(browser(), city.server.url)
    const wallPage = await wall.newPage()
    await wallPage.goto(`${city.server.url}/wall`)
    await expect.poll(() => wallPage.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    const wallHas = (code: string) => wallPage.evaluate((c) => (window as unknown as { commandCentre: { map: { querySourceFeatures(s: string, o: object): unknown[] } } })
      .commandCentre.map.querySourceFeatures('grids', { filter: ['==', ['get', 'code'], c] }).length > 0, code)
    expect(await wallHas(added.properties.code)).toBe(false)
    const historyBefore = (await city.db.query('SELECT 1 FROM case_history WHERE case_id = $1', [caseId])).length

    // 发布 asks first: what it will do, and why (调整说明); without a note nothing is published.
    expect(await drawnGrids(page)).toBeGreaterThan(0)
    await page.getByTestId('publish').click()
    const confirm = page.getByTestId('publish-confirm')
    await expect.poll(() => confirm.getByTestId('moves').textContent(), { timeout: 5000 }).not.toBe('0')
    expect(await confirm.getByTestId('diff-report').textContent()).toContain(added.properties.code)
    const confirmButton = page.getByTestId('confirm-publish')
    expect(await confirmButton.isDisabled()).toBe(true)
    await page.getByTestId('publish-note').fill('改')
    expect(await confirmButton.isDisabled()).toBe(true)
    const ready = await draftOf(page)
    const unexplained = await call(`${city.server.url}/api/v1/drafts/${ready.id}/publish`, 'POST', { expectedVersion: ready.version }, as.analyst)
    expect(unexplained.status).toBe(400)
    expect((unexplained.body as { issues: unknown }).issues).toEqual([{ field: 'note', reason: 'is required' }])
    expect(await wallHas(added.properties.code)).toBe(false)
    await page.screenshot({ path: join(screenshotDir(), 'editor-confirm-1080p.png') })
    const NOTE = '第一网格过大，沿道路分出新网格'
    await page.getByTestId('publish-note').fill(NOTE)
    await confirmButton.click()
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 10_000 }).toMatch(/^已发布/)
    expect(await page.getByTestId('published-note').textContent()).toBe(NOTE)
    expect(Draft.parse((await call(`${city.server.url}/api/v1/drafts/${ready.id}`, 'GET', undefined, as.analyst)).body)).toMatchObject({ status: 'published', publishNote: NOTE })
    const [moved] = await city.db.query<{ code: string; valid_to: string | null }>(
      'SELECT g.code, g.valid_to FROM cases c JOIN grids g ON g.id = c.grid_id WHERE c.id = $1', [caseId])
    expect(moved).toEqual({ code: added.properties.code, valid_to: null })
    expect((await city.db.query('SELECT 1 FROM case_history WHERE case_id = $1', [caseId])).length).toBe(historyBefore + 1)
    await expect.poll(() => wallHas(added.properties.code), { timeout: 10_000 }).toBe(true)

    // Read-only now: nothing on the map to drag, and a click on a grid opens no form.
    await expect.poll(() => drawnGrids(page), { timeout: 5000 }).toBe(0)
    await page.mouse.click(newHalf.x, newHalf.y)
    expect(await page.getByTestId('grid-form').count()).toBe(0)
    expect(await page.getByTestId('split').count()).toBe(0)
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'editor-published-1080p.png') })
    expect(errors).toEqual([])
    await wall.close()
    await context.close()
  })

  it('lets only an analyst edit: a duty leader sees the grids and cannot start a draft', async () => {
    const context = await signedInContext(browser(), city.server.url, 'leader')
    const page = await context.newPage()
    await page.goto(`${city.server.url}/editor?community=231281001001`)
    await expect.poll(() => page.getByTestId('signed-in').getAttribute('data-role'), { timeout: 30_000 }).toBe('duty_leader')
    expect(await page.getByTestId('new-draft').count()).toBe(0)
    const res = await call(`${city.server.url}/api/v1/drafts`, 'POST', { community: '231281001001' }, as.dutyLeader)
    expect(res.status).toBe(403)
    await context.close()
  })
})
