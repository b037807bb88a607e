import { join } from 'node:path'
import * as turf from '@turf/turf'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { AuditEntry, Draft, DraftCheck, type DraftFeature } from '../../contract'
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
/** The colour drawn at each point (CSS pixels) of a screenshot, `[r, g, b]`. */
const coloursAt = (page: Page, png: Buffer, points: Px[]): Promise<[number, number, number][]> => page.evaluate(async ({ b64, points }) => {
  const img = new Image()
  img.src = `data:image/png;base64,${b64}`
  await img.decode()
  const ctx = new OffscreenCanvas(img.width, img.height).getContext('2d')!
  ctx.drawImage(img, 0, 0)
  return points.map(({ x, y }) => {
    const [r, g, b] = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data
    return [r!, g!, b!] as [number, number, number]
  })
}, { b64: png.toString('base64'), points })
/** Whether a colour is the editor's cyan (the community's edge, the grid being split), not the dark map. */
const cyan = ([r, g, b]: [number, number, number]) => b > 170 && g > 130 && r < 150
type Ring = [number, number][]
const outerRing = (f: DraftFeature): Ring => (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0]! : f.geometry.coordinates[0]![0]!) as Ring
/** A point inside grid `f`, halfway from where its number is written towards one of its corners: on its fill, off the label. */
const fillPoint = (f: DraftFeature): [number, number] => {
  const label = turf.pointOnFeature(f as GeoJSON.Feature).geometry.coordinates as [number, number]
  const inside = outerRing(f).map(([x, y]): [number, number] => [(label[0] + x) / 2, (label[1] + y) / 2])
    .find((p) => turf.booleanPointInPolygon(p, f as GeoJSON.Feature<GeoJSON.Polygon>))
  return inside ?? label
}

describe('the analysts’ grid editor at 1080p', () => {
  it('splits a grid with a line, refuses a vertex dragged off the village’s edge, and publishes the fix: a case in the new half moves there, on the wall too', async () => {
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

    // Drag a corner of the new half that the kept half has not, on the village's edge, towards the kept half's middle
    // (terra-draw stops it before the new half would cross itself): the grids that share it move it too, so none
    // overlaps, but the village's edge is left behind: a gap, drawn with its area, and no publishing.
    const kept = split.features.features.find((f) => f.properties.code === grid)!
    const corner = outerRing(added).find((p) => !outerRing(kept).some((q) => q[0] === p[0] && q[1] === p[1]))!
    expect(corner, 'a corner of the new half alone').toBeDefined()
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
    console.log(`[browser] editor: a corner dragged off the village's edge: ${rules.join(', ')}`)
    expect(rules).toContain('gap')
    expect(rules).not.toContain('overlap')
    expect(await page.getByTestId('check').locator('.area').first().textContent()).toMatch(/m²|公顷/)
    expect(await page.getByTestId('publish').isDisabled()).toBe(true)
    const broken = await draftOf(page)
    const refused = await call(`${city.server.url}/api/v1/drafts/${broken.id}/publish`, 'POST', { expectedVersion: broken.version, note: '空隙未改正时试发布' }, as.analyst)
    expect(refused.status).toBe(422)
    await page.screenshot({ path: join(screenshotDir(), 'editor-gap-1080p.png') })

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

  it('keeps a publish’s 调整说明 in the audit log, shown under the publish on the admin’s audit tab', async () => {
    // A village's grids published as they are, by the API: what an analyst's 发布 sends.
    const [village] = await city.db.query<{ code: string }>(`
      SELECT r.code FROM regions r JOIN grids g ON g.community_id = r.id AND g.valid_to IS NULL
      WHERE r.level = 'community' GROUP BY r.id HAVING count(*) BETWEEN 3 AND 6 ORDER BY r.code DESC LIMIT 1`)
    const made = await call(`${city.server.url}/api/v1/drafts`, 'POST', { community: village!.code }, as.analyst)
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const d = Draft.parse(made.body)
    const NOTE = '核对边界后按原样重新发布'
    const published = await call(`${city.server.url}/api/v1/drafts/${d.id}/publish`, 'POST', { expectedVersion: d.version, note: NOTE }, as.analyst)
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    const audit = AuditEntry.array().parse((await call(`${city.server.url}/api/v1/audit?action=publish`, 'GET', undefined, as.admin)).body)
    expect(audit.find((e) => e.action === `POST /api/v1/drafts/${d.id}/publish`)).toMatchObject({ actor: 'analyst', status: 200, note: NOTE })

    const admin = await signedInContext(browser(), city.server.url, 'admin')
    const page = await admin.newPage()
    await page.goto(`${city.server.url}/admin#audit`)
    const row = page.getByTestId('audit').locator(`tr[data-action="POST /api/v1/drafts/${d.id}/publish"]`)
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1)
    expect(await row.getByTestId('audit-note').textContent()).toBe(`说明：${NOTE}`)
    await page.screenshot({ path: join(screenshotDir(), 'editor-audit-note-1080p.png') })
    await admin.close()
  })

  it('finds a community by typing, grouped by township, and outlines it; keeps the grid being split lit; moves a vertex neighbours share in all of them; offers only neighbours to merge, or one clicked on the map', async () => {
    // Another village of a few grids, with a vertex inside it (off its edge) where grids meet: the one dragged.
    const [target] = await city.db.query<{ community: string; name: string; township: string; lon: number; lat: number; codes: string[] }>(`
      WITH villages AS (
        SELECT r.id, r.code, r.name, r.geom, t.name AS township FROM regions r JOIN regions t ON t.id = r.parent_id
        JOIN grids g ON g.community_id = r.id AND g.valid_to IS NULL
        WHERE r.level = 'community' GROUP BY r.id, t.name HAVING count(*) BETWEEN 3 AND 6 ORDER BY r.code OFFSET 1
      ), corner AS (
        SELECT v.code AS community, v.name, v.township, ST_SnapToGrid(p.geom, 1e-6) AS at, g.code AS grid
        FROM villages v JOIN grids g ON g.community_id = v.id AND g.valid_to IS NULL, ST_DumpPoints(g.geom) p
        WHERE NOT ST_DWithin(p.geom, ST_Boundary(v.geom), 1e-5)
      )
      SELECT community, name, township, ST_X(at) AS lon, ST_Y(at) AS lat, array_agg(DISTINCT grid ORDER BY grid) AS codes
      FROM corner GROUP BY community, name, township, at HAVING count(DISTINCT grid) >= 2
      ORDER BY community, count(DISTINCT grid) DESC, ST_X(at) LIMIT 1`)
    expect(target, 'a village with a vertex its grids share').toBeDefined()
    const { community, name, township, codes } = target!
    const shared: [number, number] = [Number(target!.lon.toFixed(6)), Number(target!.lat.toFixed(6))]
    const [a] = codes as [string, ...string[]]

    const context = await signedInContext(browser(), city.server.url, 'analyst')
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${city.server.url}/editor`)
    await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')

    // Type part of the name: the list shows it under its township; choosing it loads it and outlines it on the map.
    await page.getByTestId('community').fill(name.slice(0, 2))
    const options = page.getByTestId('community-options')
    const option = options.locator(`[role=option][data-code="${community}"]`)
    await expect.poll(() => option.count(), { timeout: 5000 }).toBe(1)
    expect(await options.locator('[role=group]').filter({ has: page.locator(`[role=option][data-code="${community}"]`) }).locator('.township').textContent()).toBe(township)
    expect(await options.locator('[role=option]').evaluateAll((els) => els.every((e) => (e.textContent ?? '').length > 0 && !/\d{6}/.test(e.textContent ?? '')))).toBe(true)
    await page.screenshot({ path: join(screenshotDir(), 'editor-picker-1080p.png') })
    await option.click()
    await expect.poll(() => page.url()).toContain(`community=${community}`)
    expect(await page.getByTestId('community-chosen').textContent()).toBe(`${township} › ${name}`)
    await expect.poll(() => page.getByTestId('new-draft').count(), { timeout: 10_000 }).toBe(1)
    await mapSettled(page)
    const [outline] = await city.db.query<{ ring: [number, number][] }>(
      `SELECT ST_AsGeoJSON(ST_ExteriorRing(ST_GeometryN(geom, 1)))::json -> 'coordinates' AS ring FROM regions WHERE code = $1`, [community])
    // Midpoints of the community's edges: on its outline, each drawn in cyan.
    const edge = outline!.ring.slice(1).map((p, i): [number, number] => [(p[0] + outline!.ring[i]![0]) / 2, (p[1] + outline!.ring[i]![1]) / 2])
    const onEdge = await Promise.all(edge.map((p) => project(page, p)))
    // The outline is drawn once the community's grids have loaded, which can be after the map first settles.
    const outlined = async () => (await coloursAt(page, await page.screenshot(), onEdge)).filter(cyan).length
    await expect.poll(async () => (await outlined()) / onEdge.length, { timeout: 10_000 }).toBeGreaterThan(0.8)
    console.log(`[browser] editor: ${await outlined()} of ${onEdge.length} points on the community's edge drawn cyan`)

    await page.getByTestId('new-draft').click()
    await expect.poll(() => page.getByTestId('editor-panel').getAttribute('data-errors'), { timeout: 15_000 }).toBe('0')
    await mapSettled(page)
    const d = await draftOf(page)
    const gridOf = (x: Draft, code: string) => x.features.features.find((f) => f.properties.code === code)!

    // Merge offers the grids sharing an edge with the selected one, and only those.
    const neighbours = (await city.db.query<{ code: string }>(`
      SELECT b.code FROM grids a JOIN grids b ON b.community_id = a.community_id AND b.valid_to IS NULL AND b.code <> a.code
      WHERE a.code = $1 AND a.valid_to IS NULL AND ST_Relate(a.geom, b.geom, '****1****') ORDER BY b.code`, [a])).map((r) => r.code)
    expect(neighbours.length).toBeGreaterThan(0)
    expect(neighbours.length).toBeLessThan(d.features.features.length - 1)
    const inA = await project(page, fillPoint(gridOf(d, a)))
    await page.mouse.click(inA.x, inA.y)
    await expect.poll(() => page.getByTestId('grid-form').getAttribute('data-code'), { timeout: 5000 }).toBe(a)
    const offered = () => page.getByTestId('merge-with').locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean))
    await expect.poll(offered, { timeout: 5000 }).toEqual(neighbours)

    // While the line is drawn the grid being split stays lit, though the drawing mode has let go of its selection.
    const other = d.features.features.find((f) => f.properties.code !== a)!
    await page.getByTestId('split').click()
    await mapSettled(page)
    const [splitFill, otherFill] = await coloursAt(page, await page.screenshot({ path: join(screenshotDir(), 'editor-splitting-1080p.png') }),
      [inA, await project(page, fillPoint(other))])
    console.log(`[browser] editor: while splitting, the grid's fill ${splitFill!.join(',')}, another's ${otherFill!.join(',')}`)
    expect(splitFill![2] - otherFill![2]).toBeGreaterThan(25)
    await page.getByTestId('split').click()
    await expect.poll(() => page.getByTestId('grid-form').getAttribute('data-code'), { timeout: 5000 }).toBe(a)

    // Drag the vertex the grids share a third of the way into grid a: it moves in every one of them.
    const vertex = await project(page, shared)
    const towards = await project(page, turf.pointOnFeature(gridOf(d, a) as GeoJSON.Feature).geometry.coordinates as [number, number])
    await expect.poll(() => handleOf(page, vertex), { timeout: 5000 }).toBe(a)
    await page.mouse.move(vertex.x, vertex.y)
    await page.mouse.down()
    for (let i = 1; i <= 6; i++) await page.mouse.move(vertex.x + ((towards.x - vertex.x) * i) / 18, vertex.y + ((towards.y - vertex.y) * i) / 18)
    await page.mouse.up()
    await expect.poll(async () => (await draftOf(page)).version, { timeout: 10_000 }).toBe(d.version + 1)
    const moved = await draftOf(page)
    const q = outerRing(gridOf(moved, a)).find((p) => !outerRing(gridOf(d, a)).some((o) => o[0] === p[0] && o[1] === p[1]))
    expect(q, 'the vertex moved in the grid dragged').toBeDefined()
    for (const code of codes) {
      const ring = outerRing(gridOf(moved, code))
      expect(ring.some((p) => p[0] === q![0] && p[1] === q![1]), `grid ${code} has the vertex where it was dragged`).toBe(true)
      expect(ring.some((p) => p[0] === shared[0] && p[1] === shared[1]), `grid ${code} has not kept it where it was`).toBe(false)
    }
    // The server's check of the saved draft: the grids still tile the village, no gap and no overlap.
    await expect.poll(() => page.getByTestId('editor-panel').getAttribute('data-errors'), { timeout: 10_000 }).toBe('0')
    const check = DraftCheck.parse((await call(`${city.server.url}/api/v1/drafts/${moved.id}/check`, 'GET', undefined, as.analyst)).body)
    expect(check.version).toBe(moved.version)
    expect({ errors: check.errors, gaps: check.gaps, overlaps: check.overlaps }).toEqual({ errors: [], gaps: [], overlaps: [] })
    expect(await page.getByTestId('notice').textContent()).toMatch(/^共用顶点已在相邻网格/)
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'editor-shared-vertex-1080p.png') })

    // 在地图上点选 lights the neighbours; a click on one merges it.
    const b = neighbours[0]!
    await expect.poll(() => page.getByTestId('grid-form').getAttribute('data-code'), { timeout: 5000 }).toBe(a)
    await page.getByTestId('merge-pick').click()
    expect(await page.getByTestId('merge-hint').count()).toBe(1)
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'editor-merge-pick-1080p.png') })
    const inB = await project(page, fillPoint(gridOf(moved, b)))
    await page.mouse.click(inB.x, inB.y)
    await expect.poll(async () => (await draftOf(page)).features.features.length, { timeout: 10_000 }).toBe(moved.features.features.length - 1)
    const merged = await draftOf(page)
    expect(merged.features.features.some((f) => f.properties.code === b)).toBe(false)
    expect(gridOf(merged, a).properties.households).toBe(gridOf(moved, a).properties.households + gridOf(moved, b).properties.households)
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 5000 }).toBe(`已将 ${b.slice(12)} 并入 ${a.slice(12)}`)
    expect(errors).toEqual([])
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
