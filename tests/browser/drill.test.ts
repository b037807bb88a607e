import { join } from 'node:path'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AreaProfile, CaseSummary } from '../../contract'
import { needingAttention } from '../../domain/triage'
import { mapSettled, offMachineRequests, screenshotDir } from '../support/browser'
import { as, call, LOGINS } from '../support/serve'
import { browserCity } from '../support/browserCity'
import { DESK, signedInContext, wallContext } from '../support/browserSession'
import { pointInGrid } from '../support/servedCity'

const { city, browser } = browserCity()

/** A desk screen signed in as `login` (through `POST /api/v1/session`, the sign-in page's route). */
async function desk(login: string, viewport = DESK): Promise<{ context: BrowserContext; page: Page }> {
  const context = await signedInContext(browser(), city.server.url, login, { viewport })
  return { context, page: await context.newPage() }
}

/** Opens a drill-down address and waits for its area's panel to be filled and live. */
async function openDrill(page: Page, path: string, code: string): Promise<void> {
  await page.goto(city.server.url + path)
  await expect.poll(() => page.getByTestId('drill-panel').getAttribute('data-loaded'), { timeout: 60_000 }).toBe(code)
  await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
}

const openCount = async (grid: string) => (await city.db.query<{ n: number }>(
  `SELECT count(*)::int AS n FROM cases c JOIN grids g ON g.id = c.grid_id WHERE g.code = $1 AND c.state <> 'closed'`, [grid]))[0]!.n

/** The grid with the most open cases: the one a duty leader would be sent to. */
async function busiestGrid(): Promise<string> {
  const [row] = await city.db.query<{ code: string }>(`
    SELECT g.code FROM cases c JOIN grids g ON g.id = c.grid_id WHERE c.state <> 'closed'
    GROUP BY g.code ORDER BY count(*) DESC, g.code LIMIT 1`)
  return row!.code
}

/** A new case in `grid`, taken by the API to `state` through the loop's steps. */
async function caseAt(grid: string, steps: object[], extra: object = {}): Promise<{ id: number; code: string }> {
  const res = await call(`${city.server.url}/api/v1/cases`, 'POST', {
    category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: await pointInGrid(city.db, grid), ...extra,
  }, as.dutyLeader)
  expect(res.status).toBe(201)
  const { id, code } = res.body as { id: number; code: string }
  for (const step of steps) expect((await call(`${city.server.url}/api/v1/cases/${id}/steps`, 'POST', step, as.dutyLeader)).status).toBe(200)
  return { id, code }
}

const row = (page: Page, id: number) => page.locator(`button.case-row[data-case-id="${id}"]`)

/** Where `lonLat` is on the page's map, in CSS pixels. */
const onScreen = (page: Page, lonLat: [number, number]) =>
  page.evaluate((p) => (window as unknown as { commandCentre: { map: { project(p: [number, number]): { x: number; y: number } } } }).commandCentre.map.project(p), lonLat)

/**
 * A point inside grid `code` as far from every open case and from its edge as a few points scattered in it allow:
 * a click there meets the grid (drawn simplified at the city's zoom), not a case.
 */
async function clearPointInGrid(code: string): Promise<[number, number]> {
  const [p] = await city.db.query<{ lon: number; lat: number }>(`
    SELECT ST_X(q.p) AS lon, ST_Y(q.p) AS lat
    FROM grids g, LATERAL (SELECT (ST_Dump(ST_GeneratePoints(g.geom, 40, 7))).geom AS p) q
    WHERE g.code = $1 AND g.valid_to IS NULL
    ORDER BY least((SELECT min(ST_Distance(q.p, c.geom)) FROM cases c WHERE c.state <> 'closed'), ST_Distance(q.p, ST_Boundary(g.geom))) DESC LIMIT 1`, [code])
  return [p!.lon, p!.lat]
}

describe('the duty leaders’ drill-down at 1080p', () => {
  it('opens on what needs the leader now: the least time left first, under column headers naming the place; live, the open cases on the map, a row or a point opens its case', async () => {
    // A fire reported now has an hour to be signed for: it is listed whatever else the city holds.
    const fire = await caseAt('231281001001001', [], { category: 'hazard', kind: 'fire' })
    const res = await call(`${city.server.url}/api/v1/cases?state=open&limit=1000`, 'GET', undefined, as.dutyLeader)
    const open = z.array(CaseSummary).parse(res.body)
    const needing = needingAttention(open, Date.now())
    expect(needing.map((c) => c.id)).toContain(fire.id)

    const { context, page } = await desk(LOGINS.dutyLeader)
    const leaks = offMachineRequests(page)
    await page.goto(city.server.url + '/drill')
    await expect.poll(() => page.getByTestId('triage').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
    expect(await page.getByTestId('connection').textContent()).not.toContain('未连接')

    const rows = page.getByTestId('triage').locator('button.case-row')
    const listed = await rows.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-case-id'))))
    expect(new Set(listed)).toEqual(new Set(needing.map((c) => c.id)))
    // The least time left first (the most overdue first), as the API's open cases sorted by their time limit.
    const dueOf = (id: number) => Date.parse(open.find((c) => c.id === id)!.dueAt!)
    expect(dueOf(listed[0]!)).toBe(Math.min(...needing.map((c) => Date.parse(c.dueAt!))))
    expect(listed.map(dueOf)).toEqual(listed.map(dueOf).sort((a, b) => a - b))
    expect(await page.getByTestId('case-head').textContent()).toBe('类别位置级别状态剩余时间')
    // Across the city a case is placed by its township and community, by the names the store has.
    const first = open.find((c) => c.id === listed[0])!
    const names = await city.db.query<{ code: string; name: string }>('SELECT code, name FROM regions WHERE code IN ($1, $2)', [first.townshipCode, first.communityCode])
    const name = (code: string) => names.find((n) => n.code === code)!.name
    expect(await rows.first().getByTestId('case-place').textContent()).toBe(`${name(first.townshipCode)} · ${name(first.communityCode)}`)
    expect(await row(page, fire.id).locator('.urgent-mark').textContent()).toBe('紧急')

    // A click on the first row opens it in the case pane.
    await rows.first().click()
    await expect.poll(() => page.getByTestId('case-pane').getAttribute('data-case-id'), { timeout: 5000 }).toBe(String(listed[0]))
    // The open cases are on the city map: a click on the fire's point opens it, its row marked.
    await mapSettled(page)
    const { x, y } = await onScreen(page, (await city.db.query<{ lon: number; lat: number }>(
      'SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM cases WHERE id = $1', [fire.id]).then(([p]) => [p!.lon, p!.lat] as [number, number])))
    await page.mouse.click(x, y)
    await expect.poll(() => page.getByTestId('case-pane').getAttribute('data-case-id'), { timeout: 5000 }).toBe(String(fire.id))
    expect(await row(page, fire.id).getAttribute('aria-selected')).toBe('true')
    // Still the city: a click on a case opens no area.
    expect(new URL(page.url()).pathname).toBe('/drill')
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'drill-first-screen-1080p.png') })
    expect(leaks).toEqual([])
    await context.close()
  })

  it('opens a grid by its link: the open cases are the store’s, with who answers for it, its cover and figures; the list is usable by keyboard', async () => {
    const grid = await busiestGrid()
    // One more, so the keyboard has somewhere to go.
    await caseAt(grid, [])
    const { context, page } = await desk(LOGINS.dutyLeader)
    const leaks = offMachineRequests(page)
    await openDrill(page, `/drill/grid/${grid}`, grid)

    const open = await openCount(grid)
    expect(open).toBeGreaterThan(1)
    expect(Number(await page.getByTestId('open-count').textContent())).toBe(open)
    expect(await page.locator('button.case-row').count()).toBe(open)
    const [g] = await city.db.query<{ leaders: number; fulltime: number; parttime: number; name: string }>(
      `SELECT name, leaders, fulltime_workers AS fulltime, parttime_workers AS parttime FROM grids WHERE code = $1 AND valid_to IS NULL`, [grid])
    expect(await page.getByTestId('area-name').textContent()).toBe(g!.name)
    expect(Number(await page.getByTestId('leaders').textContent())).toBe(g!.leaders)
    expect(Number(await page.getByTestId('fulltime').textContent())).toBe(g!.fulltime)
    expect(Number(await page.getByTestId('area-open').textContent())).toBe(open)
    // The cameras standing in the grid and those outside whose view reaches into it, as the store has them.
    const [seeing] = await city.db.query<{ n: number }>(`
      SELECT count(*)::int AS n FROM cameras c JOIN grids g ON g.code = $1 AND g.valid_to IS NULL
      WHERE ST_Covers(g.geom, c.geom) OR ST_Intersects(c.view_geom, g.geom)`, [grid])
    expect(seeing!.n).toBeGreaterThan(0)
    expect(Number(await page.getByTestId('cameras-total').textContent())).toBe(seeing!.n)
    expect(await page.getByTestId('signed-in').getAttribute('data-role')).toBe('duty_leader')

    // Keyboard only: into the list, down one, Enter opens that case.
    const second = Number(await page.locator('button.case-row').nth(1).getAttribute('data-case-id'))
    await page.locator('button.case-row').first().focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('case-pane').getAttribute('data-case-id'), { timeout: 5000 }).toBe(String(second))
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'drill-grid-1080p.png') })
    expect(leaks).toEqual([])
    await context.close()
  })

  it('opens a township, then a grid, from the keyboard by typing their names', async () => {
    const grid = '231281001001002'
    const res = await call(`${city.server.url}/api/v1/areas/grid/${grid}`, 'GET', undefined, as.dutyLeader)
    const profile = AreaProfile.parse(res.body)
    const [community, township] = profile.parents
    const { context, page } = await desk(LOGINS.dutyLeader)
    await page.goto(city.server.url + '/drill')
    await expect.poll(() => page.getByTestId('triage').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    const picker = page.getByTestId('area-picker')
    await picker.focus()
    await page.keyboard.type(township!.name)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('drill-panel').getAttribute('data-loaded'), { timeout: 10_000 }).toBe(township!.code)
    await picker.focus()
    await page.keyboard.type(`${township!.name} › ${community!.name} › ${profile.name}`)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('drill-panel').getAttribute('data-loaded'), { timeout: 10_000 }).toBe(grid)
    expect(new URL(page.url()).pathname).toBe(`/drill/grid/${grid}`)
    await context.close()
  })

  it('opens a township by a click on the city map, then a grid by a click inside it', async () => {
    const { context, page } = await desk(LOGINS.dutyLeader)
    await page.goto(city.server.url + '/drill')
    await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    // A rural township's grid: at the city's zoom the town centre is covered by its cases' points, which a click opens.
    const [{ code: grid }] = await city.db.query<{ code: string }>(`SELECT code FROM grids WHERE code LIKE '231281107%' AND valid_to IS NULL ORDER BY code LIMIT 1`) as [{ code: string }]
    const township = `${grid.slice(0, 9)}000`
    const clickAt = async (lonLat: [number, number]) => {
      const { x, y } = await onScreen(page, lonLat)
      await page.mouse.click(x, y)
    }
    // The city map's open cases open on a click: the grid is clicked where no case is drawn.
    const clear = await clearPointInGrid(grid)
    await clickAt(clear)
    await expect.poll(() => page.getByTestId('drill-panel').getAttribute('data-loaded'), { timeout: 10_000 }).toBe(township)
    expect(new URL(page.url()).pathname).toBe(`/drill/township/${township}`)
    // The map flies to the township: the next click must land where the grid will be once it is there.
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'drill-township-1080p.png') })

    await clickAt(clear)
    await expect.poll(() => page.getByTestId('drill-panel').getAttribute('data-loaded'), { timeout: 10_000 }).toBe(grid)
    expect(new URL(page.url()).pathname).toBe(`/drill/grid/${grid}`)
    await page.goBack()
    await expect.poll(() => page.getByTestId('drill-panel').getAttribute('data-loaded'), { timeout: 10_000 }).toBe(township)
    await context.close()
  })

  it('closes a case with the parties’ satisfaction: it leaves the open list here, and the wall open elsewhere counts one fewer', async () => {
    const grid = '231281001001002'
    const { id } = await caseAt(grid, [{ step: 'verify' }, { step: 'handle' }, { step: 'feed_back' }])
    const [leader, colleague] = await Promise.all([desk(LOGINS.dutyLeader), desk(LOGINS.dutyLeader)])
    await openDrill(leader.page, `/drill/grid/${grid}`, grid)
    await openDrill(colleague.page, `/drill/grid/${grid}`, grid)
    const wall = await wallContext(browser(), city.server.url)
    const wallPage = await wall.newPage()
    await wallPage.goto(city.server.url + '/wall')
    await expect.poll(() => wallPage.getByTestId('kpi-open').textContent(), { timeout: 60_000 }).toMatch(/\d/)
    const openOnWall = async () => Number((await wallPage.getByTestId('kpi-open').textContent())!.replace(/,/g, ''))
    await expect.poll(openOnWall, { timeout: 5000 }).toBe((await city.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE state <> 'closed'`))[0]!.n)
    const before = await openOnWall()

    await row(leader.page, id).click()
    const pane = leader.page.getByTestId('case-pane')
    await expect.poll(() => pane.getAttribute('data-case-id')).toBe(String(id))
    // The leader's steps for a result fed back; closing records an outcome and a satisfaction, neither chosen beforehand.
    expect(await pane.getByRole('tab').allTextContents()).toEqual(['处置', '督办', '答复', '结案', '上移督办', '指派'])
    await pane.getByRole('tab', { name: '结案', exact: true }).click()
    const form = pane.getByTestId('step-form')
    expect(await form.locator('input[type=radio]:checked').count()).toBe(0)
    await form.getByLabel('已化解', { exact: true }).check()
    await form.getByLabel('基本满意').check()
    await form.getByLabel('说明').fill('双方达成调解协议')
    await form.getByRole('button', { name: '结案…' }).click()
    // Confirmed with a summary: nothing is closed by one click.
    expect(await form.getByTestId('confirm').textContent()).toContain('结案：已化解，群众满意度「基本满意」')
    expect((await city.db.query<{ state: string }>('SELECT state FROM cases WHERE id = $1', [id]))[0]!.state).toBe('fed_back')
    await form.getByRole('button', { name: '确认结案' }).click()
    const acted = Date.now()

    await expect.poll(() => row(leader.page, id).count(), { timeout: 3000 }).toBe(0)
    // Another leader's drill-down of the same grid follows within the second.
    await expect.poll(() => row(colleague.page, id).count(), { timeout: 3000, interval: 50 }).toBe(0)
    const followed = Date.now() - acted
    expect(followed).toBeLessThan(1000)
    await expect.poll(openOnWall, { timeout: 5000 }).toBe(before - 1)
    // The pane says what happened, and the inputs are gone with the step they belonged to.
    expect(await pane.getByTestId('notice').textContent()).toBe('已结案：已化解，群众满意度「基本满意」')
    expect(await pane.locator('input[type=radio]:checked').count()).toBe(0)
    const [stored] = await city.db.query<{ state: string; satisfaction: string; resolved: boolean }>('SELECT state, satisfaction, resolved FROM cases WHERE id = $1', [id])
    expect(stored).toEqual({ state: 'closed', satisfaction: 'basically_satisfied', resolved: true })
    // Still there behind the toggle of recently closed cases.
    await leader.page.getByTestId('show-closed').check()
    expect(await row(leader.page, id).getAttribute('data-state')).toBe('closed')
    await leader.context.close()
    await colleague.context.close()
    await wall.close()
  })

  it('lets only one of two leaders take the same step at once: the other gets a 409 and its screen shows the case as it is now', async () => {
    const grid = '231281001001003'
    const { id } = await caseAt(grid, [])
    const [a, b] = await Promise.all([desk(LOGINS.dutyLeader), desk(LOGINS.dutyLeader)])
    for (const d of [a, b]) {
      await openDrill(d.page, `/drill/grid/${grid}`, grid)
      await row(d.page, id).click()
      await expect.poll(() => d.page.getByTestId('step-form').getAttribute('data-step')).toBe('verify')
    }
    // At once: each screen's step is held until both have been sent, so neither screen can have seen the
    // other's result (the case's room refreshes a screen within milliseconds) before it sends its own.
    let sent = 0
    let release = () => {}
    const bothSent = new Promise<void>((resolve) => (release = resolve))
    for (const d of [a, b]) {
      await d.page.route('**/api/v1/cases/*/steps', async (route) => {
        if (++sent === 2) release()
        await bothSent
        await route.continue()
      })
    }
    await Promise.all([a, b].map((d) => d.page.getByTestId('step-form').getByRole('button', { name: '核实' }).click()))

    const notices = await Promise.all([a, b].map(async (d) => {
      const notice = d.page.getByTestId('notice')
      await notice.waitFor({ timeout: 5000 })
      return notice.getAttribute('class')
    }))
    expect([...notices].sort()).toEqual(['notice done', 'notice stale'])
    const loser = notices[0] === 'notice stale' ? a : b
    const [stored] = await city.db.query<{ state: string; version: number }>('SELECT state, version FROM cases WHERE id = $1', [id])
    expect(stored!.state).toBe('verified')
    expect((await city.db.query('SELECT 1 FROM case_history WHERE case_id = $1 AND step = $2', [id, 'verify'])).length).toBe(1)
    // The loser's screen was refreshed to the case as it stands, and now offers what follows from there.
    const pane = loser.page.getByTestId('case-pane')
    expect(await pane.getAttribute('data-version')).toBe(String(stored!.version))
    expect(await pane.getAttribute('data-state')).toBe('verified')
    expect(await pane.getByTestId('step-form').getAttribute('data-step')).toBe('handle')
    await loser.page.screenshot({ path: join(screenshotDir(), 'drill-stale-409-1080p.png') })
    await a.context.close()
    await b.context.close()
  })

  it('shows a case’s parties only when asked, writing the read to the access log a duty leader can see', async () => {
    const grid = '231281001001004'
    const { id } = await caseAt(grid, [], { parties: [{ role: 'applicant', name: '王秀兰', phone: '13800001111' }] })
    const { context, page } = await desk(LOGINS.dutyLeader)
    await openDrill(page, `/drill/grid/${grid}`, grid)
    await row(page, id).click()
    await expect.poll(() => page.getByTestId('case-pane').getAttribute('data-case-id')).toBe(String(id))
    expect(await page.content()).not.toContain('王秀兰')

    await page.getByTestId('open-parties').click()
    await expect.poll(() => page.getByTestId('parties').textContent(), { timeout: 5000 }).toContain('王秀兰')
    const logged = await city.db.query<{ actor: string }>('SELECT actor FROM party_access_log WHERE case_id = $1', [id])
    expect(logged).toHaveLength(1)
    expect(logged[0]!.actor).toBe(LOGINS.dutyLeader)
    await expect.poll(() => page.getByTestId('access-log').locator('tr').count()).toBe(1)
    // The reader by the name a person reads, not the login.
    expect(await page.getByTestId('access-log').textContent()).toContain('值班领导')
    expect(await page.getByTestId('access-log').textContent()).not.toContain(logged[0]!.actor)
    await context.close()
  })

  it('as an operator offers no action nor the parties, and the parties route answers the operator 403 without a read in the log', async () => {
    const grid = '231281001001005'
    const c = await caseAt(grid, [], { parties: [{ role: 'respondent', name: '李建国' }] })
    const { context, page } = await desk(LOGINS.operator)
    await openDrill(page, `/drill/grid/${grid}`, grid)
    expect(await page.getByTestId('signed-in').getAttribute('data-role')).toBe('operator')
    await row(page, c.id).click()
    await expect.poll(() => page.getByTestId('case-pane').getAttribute('data-case-id')).toBe(String(c.id))
    expect(await page.getByTestId('step-form').count()).toBe(0)
    expect(await page.getByTestId('open-parties').count()).toBe(0)
    const logged = async () => (await city.db.query('SELECT 1 FROM party_access_log WHERE case_id = $1', [c.id])).length
    const before = await logged()
    // Asked for anyway, with the operator's session: refused, and nothing read is logged.
    const res = await page.request.get(`${city.server.url}/api/v1/cases/${c.id}/parties`)
    expect(res.status()).toBe(403)
    expect(await logged()).toBe(before)
    expect(await page.locator('[data-testid=parties]').count()).toBe(0)
    expect(await page.content()).not.toContain('李建国')
    await context.close()
  })
})

/** What has the focus: a case row by its id, a canvas, or another control by its tag and name. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null
  if (!el || el === document.body) return 'body'
  if (el.tagName === 'CANVAS') return 'canvas'
  const id = el.getAttribute('data-case-id')
  return id ? `case:${id}` : `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 12) ?? ''}`
})

/** The stops Tab goes through from the top of the page, once round. */
async function tabStops(page: Page): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  const stops: string[] = []
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab')
    const at = await focused(page)
    if (at === stops[0]) break
    stops.push(at)
  }
  return stops
}

/** The cells of a case list's header and rows whose text does not fit (cut with "…"), as their text. */
const cutCells = (list: Locator) => list.evaluate((l) =>
  [...l.querySelectorAll<HTMLElement>('.case-head > *, .row-main > *')].filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent))

describe('the drill-down by keyboard and screen reader, and at 1366×768', () => {
  it('takes the map out of the tab order and makes a case list one tab stop: arrows, Home and End move in it, Enter opens, the focus shows', async () => {
    const township = '231281001000'
    const { context, page } = await desk(LOGINS.dutyLeader)
    await openDrill(page, `/drill/township/${township}`, township)
    await expect.poll(() => page.getByTestId('city-map').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    const ids = await page.locator('button.case-row').evaluateAll((rs) => rs.map((r) => `case:${r.getAttribute('data-case-id')}`))
    expect(ids.length).toBeGreaterThan(2)

    const stops = await tabStops(page)
    expect(stops).not.toContain('canvas')
    expect(stops).toContain('input:打开区域')
    // The whole list is one stop, its first row (nothing opened yet).
    expect(stops.filter((s) => s.startsWith('case:'))).toEqual([ids[0]])
    expect(await page.getByTestId('cases').getAttribute('role')).toBe('listbox')

    await page.locator('button.case-row').first().focus()
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toBe(ids[1])
    await page.keyboard.press('End')
    expect(await focused(page)).toBe(ids.at(-1))
    await page.keyboard.press('Home')
    expect(await focused(page)).toBe(ids[0])
    await page.keyboard.press('ArrowDown')
    // The focus is drawn where a person sees it: the accent's outline round the row.
    const outline = await page.locator('button.case-row:focus').evaluate((el) => {
      const s = getComputedStyle(el)
      return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`
    })
    expect(outline).toBe('solid 2px rgb(79, 195, 247)')
    // Out of the list and back by Tab: the row moved to, not the first.
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).not.toMatch(/^case:/)
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe(ids[1])
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('case-pane').getAttribute('data-case-id'), { timeout: 5000 }).toBe(ids[1]!.slice(5))
    expect(await page.locator(`button.case-row[aria-selected="true"]`).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-case-id')))).toEqual([ids[1]!.slice(5)])
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'drill-keyboard-list-1080p.png') })

    // Still no canvas among the stops with the case open; dragged, the map takes the focus and its arrow keys move it, the focus drawn round it.
    expect(await tabStops(page)).not.toContain('canvas')
    const map = page.getByTestId('city-map')
    const box = (await map.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 20, { steps: 4 })
    await page.mouse.up()
    expect(await focused(page)).toBe('canvas')
    const ring = () => map.evaluate((el) => getComputedStyle(el, '::after').borderTopStyle)
    const centre = () => page.evaluate(() => (window as unknown as { commandCentre: { map: { getCenter(): { lng: number } } } }).commandCentre.map.getCenter().lng)
    const before = await centre()
    await page.keyboard.press('ArrowRight')
    await expect.poll(centre, { timeout: 3000 }).toBeGreaterThan(before)
    expect(await ring()).toBe('solid')
    expect(await page.locator('canvas.maplibregl-canvas').getAttribute('aria-label')).toBe('城市地图')
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'drill-map-focused-1080p.png') })
    await page.locator('button.case-row').first().focus()
    expect(await ring()).toBe('none')
    await context.close()
  })

  it('announces and marks a change someone else makes to the open case, not the leader’s own step', async () => {
    const fire = await caseAt('231281001001001', [], { category: 'hazard', kind: 'fire' })
    const { context, page } = await desk(LOGINS.dutyLeader)
    await page.goto(city.server.url + '/drill')
    await expect.poll(() => page.getByTestId('triage').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
    await row(page, fire.id).click()
    const pane = page.getByTestId('case-pane')
    await expect.poll(() => pane.getAttribute('data-case-id'), { timeout: 5000 }).toBe(String(fire.id))
    const said = pane.getByTestId('case-by-others')
    expect(await said.getAttribute('aria-live')).toBe('polite')
    expect(await said.textContent()).toBe('')

    // The grid's worker verifies it, through the API, from another account.
    expect((await call(`${city.server.url}/api/v1/cases/${fire.id}/steps`, 'POST', { step: 'verify' }, as.gridWorker)).status).toBe(200)
    await expect.poll(() => said.textContent(), { timeout: 3000 }).toBe(`案件 ${fire.code} 已被他人更新：已核实`)
    expect(await pane.getByTestId('case-state').textContent()).toBe('已核实')
    await page.screenshot({ path: join(screenshotDir(), 'drill-updated-by-others-1080p.png') })

    // The leader's own step: the case moves on, and nothing says someone else moved it.
    await pane.getByRole('tab', { name: '处置', exact: true }).click()
    const form = pane.getByTestId('step-form')
    await form.getByLabel('处置说明').fill('已组织人员现场处置')
    await form.locator('button[type=submit]').click()
    const confirm = form.getByTestId('confirm')
    if (await confirm.count()) await confirm.getByRole('button', { name: /^确认/ }).click()
    await expect.poll(() => pane.getByTestId('notice').getAttribute('class'), { timeout: 5000 }).toBe('notice done')
    const [stored] = await city.db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [fire.id])
    await expect.poll(() => pane.getAttribute('data-version'), { timeout: 3000 }).toBe(String(stored!.version))
    // The room's frame of that step has come too: the list holds the store's version, and any read now brings no newer one.
    await expect.poll(() => row(page, fire.id).getAttribute('data-version'), { timeout: 3000 }).toBe(String(stored!.version))
    expect(await said.textContent()).toBe('')
    await context.close()
  })

  it('says 连接中… quietly while its stream first connects, and 未连接 in red only once the connection is lost', async () => {
    const { context, page } = await desk(LOGINS.dutyLeader)
    // The stream held back at the socket: the page waits on it as on a slow network.
    let release = () => {}
    let held = new Promise<void>((resolve) => (release = resolve))
    let open: { close(): Promise<void> } | null = null
    let attempts = 0
    await page.routeWebSocket(/\/socket\.io\//, async (ws) => {
      attempts++
      await held
      ws.connectToServer()
      open = ws
    })
    await page.goto(city.server.url + '/drill')
    await expect.poll(() => page.getByTestId('triage').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    const status = page.getByTestId('connection')
    const look = () => status.evaluate((el) => ({ text: el.textContent, colour: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor }))
    const neutral = { text: '连接中…', colour: 'rgb(143, 163, 186)', background: 'rgba(0, 0, 0, 0)' }
    expect(await look()).toEqual(neutral)
    await page.screenshot({ path: join(screenshotDir(), 'drill-connecting-1080p.png'), clip: { x: 1200, y: 0, width: 720, height: 120 } })
    release()
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('● 实时')

    // Lost: red, and still red (not "连接中…") while it tries again.
    held = new Promise<void>((resolve) => (release = resolve))
    await open!.close()
    await expect.poll(() => status.getAttribute('data-live'), { timeout: 5000 }).toBe('false')
    const lost = await look()
    expect(lost.text).toMatch(/^● 未连接（自 \d{2}:\d{2}:\d{2}）$/)
    expect(lost.colour).toBe('rgb(255, 82, 82)')
    await expect.poll(() => attempts, { timeout: 10_000 }).toBe(2)
    expect((await look()).text).toBe(lost.text)
    release()
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('● 实时')
    await context.close()
  })

  for (const viewport of [DESK, { width: 1366, height: 768 }]) {
    it(`shows every column of a case list whole at ${viewport.width}×${viewport.height}: the first screen’s and a township’s`, async () => {
      // The longest time a list says: more than a hundred days overdue.
      const late = await caseAt('231281001001001', [])
      await city.db.query(`UPDATE cases SET due_at = now() - interval '123 days 23 hours 30 minutes' WHERE id = $1`, [late.id])
      const { context, page } = await desk(LOGINS.dutyLeader, viewport)
      await page.goto(city.server.url + '/drill')
      await expect.poll(() => page.getByTestId('triage').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
      const list = page.locator('.case-list')
      expect(await row(page, late.id).locator('.left').textContent()).toBe('超期 123 天 23 小时')
      expect(await cutCells(list)).toEqual([])
      // The header's columns are the rows': 剩余时间 stands over the times, right-aligned with them.
      const right = (sel: string) => page.locator(sel).first().evaluate((el) => Math.round(el.getBoundingClientRect().right))
      expect(await right('.case-head > :last-child')).toBe(await right('.case-row .left'))
      await mapSettled(page)
      await page.screenshot({ path: join(screenshotDir(), `drill-columns-${viewport.width}x${viewport.height}.png`) })

      const township = '231281001000'
      await openDrill(page, `/drill/township/${township}`, township)
      expect(await page.locator('button.case-row').count()).toBeGreaterThan(10)
      expect(await row(page, late.id).count()).toBe(1)
      expect(await cutCells(page.locator('.case-list'))).toEqual([])
      await context.close()
    })
  }
})
