import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../data/demoAccounts'
import { offMachineRequests, screenshotDir } from '../support/browser'
import { browserCity } from '../support/browserCity'
import { DESK, signedInContext } from '../support/browserSession'
import { as, call, LOGINS } from '../support/serve'
import { pointInGrid } from '../support/servedCity'

const { city, browser } = browserCity()

/** 新兴街道, the demo township officer's township, and another township. */
const XINXING = '231281001000'
const ELSEWHERE = '231281002000'

const openIn = async (prefix: string, not = false) => (await city.db.query<{ id: number }>(`
  SELECT c.id FROM cases c JOIN grids g ON g.id = c.grid_id
  WHERE c.state <> 'closed' AND (g.code LIKE $1 || '%') <> $2 ORDER BY c.id`, [prefix, not])).map((r) => r.id)

describe('signing in on the sign-in page', () => {
  it('signs a township officer in by keyboard: a wrong password is refused in words; their desk opens, and the drill on their township with its cases alone, live; 退出 returns to the sign-in page', async () => {
    const context = await browser().newContext({ viewport: DESK, deviceScaleFactor: 1 })
    const page = await context.newPage()
    const leaks = offMachineRequests(page)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${city.server.url}/signin`)
    await page.getByTestId('sign-in-page').waitFor({ timeout: 30_000 })
    expect(await page.locator('h1').textContent()).toBe('城市社会治理指挥中心')
    // The login name has the focus: typed at once, Tab to the password, Enter signs in.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('login')
    await page.screenshot({ path: join(screenshotDir(), 'sign-in-1080p.png') })
    await page.keyboard.type(LOGINS.townshipOfficer)
    await page.keyboard.press('Tab')
    await page.keyboard.type('not-the-password')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('sign-in-error').textContent(), { timeout: 10_000 }).toBe('登录名或密码不正确。')
    expect(new URL(page.url()).pathname).toBe('/signin')
    await page.screenshot({ path: join(screenshotDir(), 'sign-in-refused-1080p.png') })
    // The password was cleared and has the focus again.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password')
    await page.keyboard.type(DEMO_PASSWORD)
    await page.keyboard.press('Enter')

    // On to their desk, where an officer's work is; then to the drill-down, their township open: its name, the
    // officer's bar, live from the township's room.
    await page.waitForURL((u) => u.pathname === '/desk', { timeout: 30_000 })
    await page.goto(`${city.server.url}/drill`)
    const panel = page.getByTestId('drill-panel')
    await expect.poll(() => panel.getAttribute('data-loaded'), { timeout: 60_000 }).toBe(XINXING)
    expect(new URL(page.url()).pathname).toBe(`/drill/township/${XINXING}`)
    expect(await page.getByTestId('area-name').textContent()).toBe('新兴街道')
    const bar = page.getByTestId('signed-in')
    expect(await bar.getAttribute('data-role')).toBe('township_officer')
    expect(await bar.textContent()).toContain('新兴街道综治中心·乡镇(街道)工作人员·新兴街道')
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
    // No way out of the township: no 全市 crumb.
    expect(await page.getByTestId('crumb-root').count()).toBe(0)

    // Its open cases, every one, and none of another township's (of which there are dozens).
    const listed = async () => (await page.locator('button.case-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-case-id'))))).sort((a, b) => a - b)
    const mine = await openIn('231281001')
    const others = await openIn('231281001', true)
    expect(mine.length).toBeGreaterThan(0)
    expect(others.length).toBeGreaterThan(10)
    await expect.poll(listed, { timeout: 5000 }).toEqual(mine)
    expect(Number(await page.getByTestId('open-count').textContent())).toBe(mine.length)

    // Live: a case reported in the township now reaches the list by the township's room.
    const res = await call(`${city.server.url}/api/v1/cases`, 'POST', {
      category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: await pointInGrid(city.db, '231281001001002'),
    }, as.dutyLeader)
    expect(res.status).toBe(201)
    const { id } = res.body as { id: number }
    await expect.poll(async () => (await listed()).includes(id), { timeout: 5000 }).toBe(true)
    await page.screenshot({ path: join(screenshotDir(), 'drill-township-officer-1080p.png') })

    // A link to another township shows their own instead, and its data is refused them anyway.
    await page.goto(`${city.server.url}/drill/township/${ELSEWHERE}`)
    await expect.poll(() => panel.getAttribute('data-loaded'), { timeout: 60_000 }).toBe(XINXING)
    expect(new URL(page.url()).pathname).toBe(`/drill/township/${XINXING}`)
    expect((await page.request.get(`${city.server.url}/api/v1/cases?region=${ELSEWHERE}`)).status()).toBe(403)

    // 退出: the session ends on the server and the sign-in page is back.
    await page.getByTestId('sign-out').click()
    await page.waitForURL((u) => u.pathname === '/signin', { timeout: 10_000 })
    await page.getByTestId('sign-in-page').waitFor()
    expect((await page.request.get(`${city.server.url}/api/v1/me`)).status()).toBe(401)
    // Any screen now asks to sign in.
    await page.goto(`${city.server.url}/drill`)
    await page.getByTestId('sign-in-page').waitFor({ timeout: 10_000 })
    expect(errors).toEqual([])
    expect(leaks).toEqual([])
    await context.close()
  })

  it('shows the sign-in page on every screen while signed out, and signs in there onto the same screen', async () => {
    const context = await browser().newContext({ viewport: DESK, deviceScaleFactor: 1 })
    const page = await context.newPage()
    for (const path of ['/wall', '/', '/editor', '/admin', `/drill/grid/231281001001001`]) {
      await page.goto(city.server.url + path)
      await page.getByTestId('sign-in-page').waitFor({ timeout: 30_000 })
    }
    // Signed in where it stands, the page is the screen it was.
    await page.getByLabel('登录名').fill(LOGINS.dutyLeader)
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => page.getByTestId('drill-panel').getAttribute('data-loaded'), { timeout: 60_000 }).toBe('231281001001001')
    expect(new URL(page.url()).pathname).toBe('/drill/grid/231281001001001')
    await context.close()
  })

  it('opens a department officer’s drill-down on the cases routed to the department, live from its room', async () => {
    const context = await signedInContext(browser(), city.server.url, LOGINS.departmentOfficer)
    const page = await context.newPage()
    await page.goto(`${city.server.url}/drill`)
    await expect.poll(() => page.getByTestId('area-name').textContent(), { timeout: 60_000 }).toBe('新兴街道司法所')
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
    const listed = async () => (await page.locator('button.case-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-case-id'))))).sort((a, b) => a - b)

    // A case routed to 新兴街道司法所 by a duty leader now (reported in a grid, moved up to the township and signed for
    // at each level, 街道吹哨) reaches the desk.
    const reported = await call(`${city.server.url}/api/v1/cases`, 'POST', {
      category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: await pointInGrid(city.db, '231281001001003'),
    }, as.dutyLeader)
    expect(reported.status).toBe(201)
    const { id } = reported.body as { id: number }
    const steps = [
      { step: 'verify' }, { step: 'report_up' }, { step: 'sign_for' }, { step: 'report_up' }, { step: 'sign_for' }, { step: 'route', lead: '新兴街道司法所' },
    ]
    for (const step of steps) {
      const res = await call(`${city.server.url}/api/v1/cases/${id}/steps`, 'POST', step, as.dutyLeader)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    await expect.poll(async () => (await listed()).includes(id), { timeout: 5000 }).toBe(true)
    // Exactly the department's open cases, as the server lists them for its account.
    const routed = (await call(`${city.server.url}/api/v1/cases?closedDays=30&limit=1000`, 'GET', undefined, as.departmentOfficer)).body as { id: number; state: string }[]
    expect(await listed()).toEqual(routed.filter((c) => c.state !== 'closed').map((c) => c.id).sort((a, b) => a - b))
    await context.close()
  })

  it('says how long a locked login name must wait', async () => {
    const login = 'nobody-by-that-name'
    // Locks after five failures within its window (domain/signInLock), whether or not the name exists.
    for (let i = 0; i < 5; i++) await call(`${city.server.url}/api/v1/session`, 'POST', { login, password: 'wrong-password' })
    const context = await browser().newContext({ viewport: DESK, deviceScaleFactor: 1 })
    const page = await context.newPage()
    await page.goto(`${city.server.url}/signin`)
    await page.getByLabel('登录名').fill(login)
    await page.getByLabel('密码').fill('wrong-password')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('sign-in-error').textContent(), { timeout: 15_000 }).toMatch(/^该登录名连续登录失败次数过多，已被暂时锁定，请 1[45] 分钟后再试。$/)
    await page.screenshot({ path: join(screenshotDir(), 'sign-in-locked-1080p.png') })
    await context.close()
  })
})
