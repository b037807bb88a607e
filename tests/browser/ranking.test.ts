import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { labels, Rankings } from '../../contract'
import { offMachineRequests, screenshotDir } from '../support/browser'
import { browserCity } from '../support/browserCity'
import { signedInContext } from '../support/browserSession'
import { SEEDED_AT } from '../support/seededCity'
import { as, call } from '../support/serve'

const { city, browser } = browserCity()

/** The month the test city was seeded in: its cases end there, so its units have enough closed to be ranked. */
const SEEDED_MONTH = SEEDED_AT.slice(0, 7)

async function rankings(query: string): Promise<Rankings> {
  const res = await call(`${city.server.url}/api/v1/rankings?${query}`, 'GET', undefined, as.dutyLeader)
  expect(res.status).toBe(200)
  return Rankings.parse(res.body)
}

async function rankingPage(path = '/ranking'): Promise<Page> {
  const context = await signedInContext(browser(), city.server.url, 'leader')
  const page = await context.newPage()
  await page.goto(city.server.url + path)
  await tableRead(page)
  return page
}

/** Waits until the table on screen is the one last asked for. */
const tableRead = (page: Page) => expect.poll(() => page.getByTestId('ranking').getAttribute('data-ready'), { timeout: 15_000 }).toBe('true')

describe('the ranking screen', () => {
  it('shows a duty leader every township, ranked as the API ranks them, and the departments a tab away', async () => {
    const context = await signedInContext(browser(), city.server.url, 'leader')
    const page = await context.newPage()
    const leaks = offMachineRequests(page)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(city.server.url + '/ranking')
    await tableRead(page)
    const [townships] = await city.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM regions WHERE level = 'township'`)
    expect(townships!.n).toBeGreaterThan(5)
    expect(await page.getByTestId('ranking-row').count()).toBe(townships!.n)

    // The seeded month, picked in the month field: its townships in the API's order, with its scores.
    await page.getByTestId('period-month').fill(SEEDED_MONTH)
    await expect.poll(() => page.getByTestId('ranking-title').textContent()).toContain(`${SEEDED_MONTH.slice(0, 4)}年${Number(SEEDED_MONTH.slice(5))}月`)
    await tableRead(page)
    expect(new URL(page.url()).search).toBe(`?unit=township&month=${SEEDED_MONTH}`)
    const api = await rankings(`unit=township&period=month&at=${SEEDED_MONTH}-15`)
    const ranked = api.rows.filter((r) => r.place !== null)
    expect(ranked.length).toBeGreaterThan(3)
    expect(await page.getByTestId('ranked').getByTestId('ranking-row').count()).toBe(ranked.length)
    expect(await page.getByTestId('ranking-row').count()).toBe(townships!.n)
    const first = page.getByTestId('ranking-row').first()
    expect(await first.getAttribute('data-code')).toBe(api.rows[0]!.code)
    expect(await first.getByTestId('place').textContent()).toBe('1')
    expect(await first.getByTestId('score').textContent()).toBe(api.rows[0]!.score!.toFixed(1))
    const unranked = api.rows.length - ranked.length
    if (unranked > 0) expect(await page.getByTestId('unranked').textContent()).toContain(`以下 ${unranked} 个单位本期办结少于 5 件，不排名`)
    await page.screenshot({ path: join(screenshotDir(), 'ranking-townships-1080p.png') })

    await page.getByTestId('unit-department').click()
    await expect.poll(() => page.getByTestId('ranking-table').getAttribute('data-unit')).toBe('department')
    await tableRead(page)
    const departments = await rankings(`unit=department&period=month&at=${SEEDED_MONTH}-15`)
    expect(departments.rows.length).toBeGreaterThan(5)
    expect(await page.getByTestId('ranking-row').count()).toBe(departments.rows.length)
    expect(await page.getByTestId('ranking-row').first().getAttribute('data-code')).toBe(departments.rows[0]!.code)
    // A department is not scored on resolving at the grid: no such column.
    const headings = await page.getByTestId('ranking-table').locator('thead th').allTextContents()
    const { measure } = labels
    expect(headings).toEqual(['名次', '名称', '得分', measure.onTimeRate, measure.satisfaction, measure.sendBacks, measure.reopened, '办结数'])
    await page.screenshot({ path: join(screenshotDir(), 'ranking-departments-1080p.png') })
    expect(errors).toEqual([])
    expect(leaks).toEqual([])
    await context.close()
  })

  it('is worked from the keyboard: Tab reaches the unit tabs, the arrows move between them', async () => {
    const page = await rankingPage()
    const focused = () => page.evaluate(() => ({ role: document.activeElement?.getAttribute('role') ?? '', id: document.activeElement?.id ?? '' }))
    for (let i = 0; i < 10 && (await focused()).role !== 'tab'; i++) await page.keyboard.press('Tab')
    expect(await focused()).toEqual({ role: 'tab', id: 'unit-township' })
    await page.keyboard.press('ArrowRight')
    expect(await focused()).toEqual({ role: 'tab', id: 'unit-community' })
    await expect.poll(() => page.getByTestId('ranking-table').getAttribute('data-unit')).toBe('community')
    await tableRead(page)
    const communities = await rankings('unit=community&period=month')
    expect(await page.getByTestId('ranking-row').count()).toBe(communities.rows.length)
    await page.screenshot({ path: join(screenshotDir(), 'ranking-communities-1080p.png') })
    // Tab leaves the tab list for the periods: 上月 by keyboard.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('上月')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('period-last_month').getAttribute('aria-pressed')).toBe('true')
    await tableRead(page)
    await page.context().close()
  })
})
