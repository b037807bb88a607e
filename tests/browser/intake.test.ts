import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { mapSettled, offMachineRequests, screenshotDir } from '../support/browser'
import { browserCity } from '../support/browserCity'
import { signedInContext } from '../support/browserSession'
import { as, call, LOGINS } from '../support/serve'
import { pointInGrid } from '../support/servedCity'

const { city, browser } = browserCity()

const ROAD = '中华大街'
const LANDMARK = '安达市第一中学'

/** The focused element's name (a form field's), or its test id. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)

/** A page at `/intake` signed in as `login`. */
async function openSeatPage(login: string) {
  const context = await signedInContext(browser(), city.server.url, login)
  const page = await context.newPage()
  await page.goto(`${city.server.url}/intake`)
  return { context, page }
}

/** Opens `/intake` signed in as `login`, once the city is drawn. */
async function openSeat(login: string) {
  const context = await signedInContext(browser(), city.server.url, login)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const leaks = offMachineRequests(page)
  await page.goto(`${city.server.url}/intake`)
  await expect.poll(() => page.getByTestId('intake-panel').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
  await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
  return { context, page, errors, leaks }
}

/** Presses `key` until `done` holds (at most `max` times): choosing from a select or a list as a seat does, by keyboard. */
async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, max = 20): Promise<void> {
  for (let i = 0; i < max && !(await done()); i++) await page.keyboard.press(key)
  expect(await done(), `pressed ${key} ${max} times`).toBe(true)
}

/** Types `text` into the focused place field and takes the suggestion named `name` with ↓ and Enter. */
async function choosePlace(page: Page, text: string, name: string): Promise<string[]> {
  await page.keyboard.type(text)
  const list = page.getByTestId('place-suggestions')
  await expect.poll(() => list.locator(`[role=option][data-place="${name}"]`).count(), { timeout: 10_000 }).toBe(1)
  const offered = await list.locator('[role=option]').evaluateAll((os) => os.map((o) => o.getAttribute('data-place')!))
  await pressUntil(page, 'ArrowDown', async () => (await list.locator('[role=option][aria-selected=true]').getAttribute('data-place')) === name)
  await page.keyboard.press('Enter')
  await expect.poll(() => page.getByTestId('chosen-point').textContent(), { timeout: 5000 }).toContain(name)
  return offered
}

const placeAt = async (name: string) => (await city.db.query<{ lon: number; lat: number; kind: string }>(
  'SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat, kind FROM places WHERE name = $1 ORDER BY id LIMIT 1', [name]))[0]!

describe('the intake seat at 1080p', () => {
  it('files a call by keyboard alone at a landmark typed with its road, then merges a second call about it, offered as a duplicate, with Alt+1', async () => {
    const { context, page, errors, leaks } = await openSeat(LOGINS.operator)
    expect(await page.getByTestId('signed-in').getAttribute('data-role')).toBe('operator')
    // The gazetteer holds the road and the landmark.
    const school = await placeAt(LANDMARK)
    expect(school.kind).toBe('landmark')
    expect((await placeAt(ROAD)).kind).toBe('road')
    // The seat starts on its first field: the channel, 12345 already chosen.
    await expect.poll(() => focused(page)).toBe('channel')
    expect(await page.locator('input[name=channel]:checked').getAttribute('value')).toBe('hotline_12345')
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'intake-empty.png') })

    // Nothing filled: Enter is refused at the fields, in words, before the server is asked.
    let posted = 0
    page.on('request', (r) => void (r.method() === 'POST' && r.url().endsWith('/api/v1/intake') && posted++))
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('ticket')
    await page.keyboard.press('Enter')
    expect(await page.getByTestId('intake-form').locator('.field-issue').allTextContents()).toEqual([
      '请填写工单号', '请选择事项类别', '请在地图上点选位置，或输入地址后从地名库中选择', '请记录来电内容', '请填写来电人姓名',
    ])
    expect(posted).toBe(0)
    expect(await focused(page)).toBe('ticket')

    // The call, field after field by Tab.
    const ticket = '12345-20261205-0042'
    await page.keyboard.type(ticket)
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('kind')
    const kind = page.locator('select[name=kind]')
    await pressUntil(page, 'ArrowDown', async () => (await kind.inputValue()) === 'neighbour')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('address')
    // A road and a landmark, as the caller says them: the road is offered as soon as it is typed, then the school.
    await page.keyboard.type(ROAD)
    await expect.poll(() => page.getByTestId('place-suggestions').locator(`[role=option][data-place="${ROAD}"]`).count(), { timeout: 10_000 }).toBe(1)
    await page.screenshot({ path: join(screenshotDir(), 'intake-road-typed.png') })
    const offered = await choosePlace(page, LANDMARK, LANDMARK)
    expect(offered).toContain(LANDMARK)
    expect(await page.locator('input[name=address]').inputValue()).toBe(`${ROAD}${LANDMARK}`)
    const chosen = page.getByTestId('chosen-point')
    expect(Number(await chosen.getAttribute('data-lon'))).toBeCloseTo(school.lon, 6)
    expect(Number(await chosen.getAttribute('data-lat'))).toBeCloseTo(school.lat, 6)
    // Where it lies, from the server: the township, community and grid.
    await expect.poll(() => page.getByTestId('locality').textContent(), { timeout: 5000 }).toMatch(/› .*网格/)
    // The map flew there: the point is in view, near the middle of the map.
    await mapSettled(page)
    const pointOnScreen = await page.evaluate(([lon, lat]) => {
      const { map } = (window as unknown as { commandCentre: { map: { project(p: [number, number]): { x: number; y: number }; getZoom(): number } } }).commandCentre
      return { ...map.project([lon!, lat!]), zoom: map.getZoom() }
    }, [school.lon, school.lat])
    expect(pointOnScreen.zoom).toBeGreaterThanOrEqual(15)
    expect(Math.abs(pointOnScreen.x - 920 / 2)).toBeLessThan(40)
    expect(Math.abs(pointOnScreen.y - 1080 / 2)).toBeLessThan(40)

    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('description')
    await page.keyboard.type('一中东侧居民楼夜间装修噪音扰民，两户多次争执，请尽快协调')
    await page.keyboard.press('Tab')
    await page.keyboard.type('王女士')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('phone')
    await page.keyboard.type('13904561234')
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'intake-filled.png') })
    await page.keyboard.press('Enter')

    // Filed: the code is shown, the form is clear for the next call, and the focus is back on its first field.
    const filed = page.getByTestId('filed')
    await expect.poll(() => filed.getAttribute('data-code'), { timeout: 10_000 }).toMatch(/^AD\d{14}$/)
    const code = (await filed.getAttribute('data-code'))!
    const id = Number(await filed.getAttribute('data-case-id'))
    expect(await filed.getAttribute('data-merged')).toBe('false')
    expect(posted).toBe(1)
    await expect.poll(() => focused(page)).toBe('channel')
    for (const field of ['ticket', 'address', 'callerName', 'phone']) expect(await page.locator(`input[name=${field}]`).inputValue()).toBe('')
    expect(await page.locator('textarea[name=description]').inputValue()).toBe('')
    expect(await kind.inputValue()).toBe('')
    // The case exists with the ticket, at the landmark's point, in the grid there.
    const [stored] = await city.db.query<{ code: string; kind: string; source: string; lon: number; lat: number; description: string }>(
      'SELECT code, kind, source, ST_X(geom) AS lon, ST_Y(geom) AS lat, description FROM cases WHERE id = $1', [id])
    expect(stored).toMatchObject({ code, kind: 'neighbour', source: 'hotline_12345', description: '一中东侧居民楼夜间装修噪音扰民，两户多次争执，请尽快协调' })
    expect(stored!.lon).toBeCloseTo(school.lon, 6)
    expect(stored!.lat).toBeCloseTo(school.lat, 6)
    expect(await city.db.query('SELECT channel, ticket, address FROM case_reports WHERE case_id = $1', [id]))
      .toEqual([{ channel: 'hotline_12345', ticket, address: `${ROAD}${LANDMARK}` }])
    // It opened beside, with its one report.
    const pane = page.getByTestId('case-pane')
    await expect.poll(() => pane.getAttribute('data-case-id'), { timeout: 5000 }).toBe(String(id))
    await expect.poll(() => page.getByTestId('case-reports-list').getAttribute('data-count'), { timeout: 5000 }).toBe('1')
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'intake-filed.png') })

    // A second call, a 110 alert about the same thing from someone else: → moves the channel on.
    await page.keyboard.press('ArrowRight')
    expect(await page.locator('input[name=channel]:checked').getAttribute('value')).toBe('police_110')
    await page.keyboard.press('Tab')
    await page.keyboard.type('110-20261205-0187')
    await page.keyboard.press('Tab')
    await pressUntil(page, 'ArrowDown', async () => (await kind.inputValue()) === 'neighbour')
    await page.keyboard.press('Tab')
    await choosePlace(page, '安达一中', LANDMARK)
    // The first case is offered as a duplicate: the same kind, nearby.
    const similar = page.getByTestId('similar')
    const first = similar.locator(`button.similar-row[data-case-id="${id}"]`)
    await expect.poll(() => first.count(), { timeout: 10_000 }).toBe(1)
    expect(await first.textContent()).toContain(code)
    expect(await first.textContent()).toContain('同类就近')
    const n = await similar.locator('button.similar-row').evaluateAll((rows, want) => rows.findIndex((r) => r.getAttribute('data-case-id') === want) + 1, String(id))
    expect(n).toBeGreaterThan(0)
    await page.keyboard.press('Tab')
    await page.keyboard.type('一中东侧有人装修噪音很大，邻居吵起来了')
    await page.keyboard.press('Tab')
    await page.keyboard.type('李先生')
    await page.keyboard.press('Tab')
    await page.keyboard.type('13804567788')
    // Alt+n makes it a merge into that case; Esc takes it back, Alt+n again.
    await page.keyboard.press(`Alt+${n}`)
    await expect.poll(() => page.getByTestId('merging').getAttribute('data-case-id')).toBe(String(id))
    await page.keyboard.press('Escape')
    expect(await page.getByTestId('merging').count()).toBe(0)
    await page.keyboard.press(`Alt+${n}`)
    await expect.poll(() => page.getByTestId('merging').getAttribute('data-case-id')).toBe(String(id))
    expect(await page.getByTestId('file').textContent()).toContain(`并入 ${code}`)
    expect(await first.getAttribute('aria-pressed')).toBe('true')
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'intake-duplicate.png') })
    const casesBefore = (await city.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]!.n
    await page.keyboard.press('Enter')

    await expect.poll(() => filed.getAttribute('data-merged'), { timeout: 10_000 }).toBe('true')
    expect(await filed.getAttribute('data-code')).toBe(code)
    expect(await filed.textContent()).toContain('已并案')
    await expect.poll(() => focused(page)).toBe('channel')
    expect(await page.getByTestId('merging').count()).toBe(0)
    // One case, two reports, each with its channel's ticket.
    expect((await city.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]!.n).toBe(casesBefore)
    expect(await city.db.query('SELECT channel, ticket FROM case_reports WHERE case_id = $1 ORDER BY id', [id])).toEqual([
      { channel: 'hotline_12345', ticket }, { channel: 'police_110', ticket: '110-20261205-0187' },
    ])
    await expect.poll(() => page.getByTestId('case-reports-list').getAttribute('data-count'), { timeout: 5000 }).toBe('2')
    expect(await page.getByTestId('case-reports-list').textContent()).toContain('110-20261205-0187')
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'intake-merged.png') })

    // The search box finds the case by the 110 ticket (Ctrl+K, type, Enter) and opens it.
    await page.keyboard.press('Control+k')
    expect(await focused(page)).toBe('q')
    await page.keyboard.type('110-20261205-0187')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('search-results').locator(`button.result.case[data-case-id="${id}"]`).count(), { timeout: 5000 }).toBe(1)
    await expect.poll(() => pane.getAttribute('data-case-id'), { timeout: 5000 }).toBe(String(id))

    expect(errors).toEqual([])
    expect(leaks).toEqual([])
    await context.close()
  })

  it('tells a duty leader a ticket filed already, offering its case; a visitor’s report needs none, placed by a click on the map', async () => {
    // A hotline call filed already through the API, with its ticket.
    const [grid] = await city.db.query<{ code: string; name: string }>(
      'SELECT code, name FROM grids WHERE valid_to IS NULL ORDER BY ST_Area(geom) DESC, code LIMIT 1')
    const at = await pointInGrid(city.db, grid!.code)
    const ticket = '12345-20261205-0500'
    const res = await call(`${city.server.url}/api/v1/intake`, 'POST', {
      channel: 'hotline_12345', ticket, category: 'hazard', kind: 'road', location: at, description: '路面塌陷', caller: { name: '赵先生' },
    }, as.operator)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const held = (res.body as { case: { id: number; code: string } }).case

    const { context, page, errors, leaks } = await openSeat(LOGINS.dutyLeader)
    await mapSettled(page)
    // The place by a click on the map, in the largest grid; where it lies comes back from the server.
    const box = (await page.getByTestId('city-map').boundingBox())!
    const px = await page.evaluate(([lon, lat]) =>
      (window as unknown as { commandCentre: { map: { project(p: [number, number]): { x: number; y: number } } } }).commandCentre.map.project([lon!, lat!]), at)
    await page.mouse.click(box.x + px.x, box.y + px.y)
    await expect.poll(() => page.getByTestId('locality').textContent(), { timeout: 5000 }).toContain(grid!.name)
    expect(await page.getByTestId('chosen-point').textContent()).toContain('地图选点')

    // The same ticket typed again: its case is offered at once, and filing is refused at the field.
    await page.locator('input[name=ticket]').focus()
    await page.keyboard.type(ticket)
    const offered = page.getByTestId('similar').locator(`button.similar-row[data-case-id="${held.id}"]`)
    await expect.poll(() => offered.count(), { timeout: 10_000 }).toBe(1)
    expect(await offered.textContent()).toContain('同一编号')
    await page.keyboard.press('Tab')
    await pressUntil(page, 'ArrowDown', async () => (await page.locator('select[name=kind]').inputValue()) === 'road')
    await page.locator('textarea[name=description]').focus()
    await page.keyboard.type('路面塌陷，车辆绕行')
    await page.keyboard.press('Tab')
    await page.keyboard.type('钱女士')
    await page.keyboard.press('Enter')
    const ticketIssue = page.getByTestId('intake-form').locator('label.ticket .field-issue')
    await expect.poll(() => ticketIssue.textContent(), { timeout: 5000 }).toMatch(/^该工单号已受理(，案件 AD\d{14})?：可在右侧并入该案$/)
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'intake-ticket-taken.png') })

    // A visitor at the hall instead: no number of its own needed; the point stays where it was clicked.
    // By keyboard: ← from 12345, the first channel, wraps round to the last, 来访接待.
    await page.locator('input[name=channel]:checked').focus()
    await page.keyboard.press('ArrowLeft')
    expect(await page.locator('input[name=channel]:checked').getAttribute('value')).toBe('walk_in')
    await page.locator('input[name=ticket]').fill('')
    await page.locator('input[name=callerName]').focus()
    await page.keyboard.press('Enter')
    const filed = page.getByTestId('filed')
    await expect.poll(() => filed.getAttribute('data-merged'), { timeout: 10_000 }).toBe('false')
    const id = Number(await filed.getAttribute('data-case-id'))
    expect(id).not.toBe(held.id)
    const [stored] = await city.db.query<{ source: string; kind: string; grid: string }>(
      'SELECT c.source, c.kind, g.code AS grid FROM cases c JOIN grids g ON g.id = c.grid_id WHERE c.id = $1', [id])
    expect(stored).toEqual({ source: 'walk_in', kind: 'road', grid: grid!.code })
    expect(await city.db.query('SELECT channel, ticket FROM case_reports WHERE case_id = $1', [id])).toEqual([{ channel: 'walk_in', ticket: null }])
    expect(errors).toEqual([])
    expect(leaks).toEqual([])
    await context.close()
  })

  it('is not a seat for a grid worker: the page says whose it is and links to their own', async () => {
    const { context, page } = await openSeatPage(LOGINS.gridWorker)
    await expect.poll(() => page.getByTestId('not-a-seat').textContent(), { timeout: 30_000 }).toContain('受理席仅供值守人员和值班领导使用')
    expect(await page.getByTestId('not-a-seat').getByRole('link').getAttribute('href')).toBe('/desk')
    await context.close()
  })
})
