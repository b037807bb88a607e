import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { CaseSummary } from '../../contract'
import { offMachineRequests, screenshotDir } from '../support/browser'
import { browserCity } from '../support/browserCity'
import { signedInContext } from '../support/browserSession'
import { as, call, LOGINS } from '../support/serve'
import { pointInGrid } from '../support/servedCity'

/**
 * An urgent hazard's alarm at the desks (issue 20): it comes live to the intake seat and to a duty leader's desk,
 * 确认收到 at one takes it off both, and a refusal reads in Chinese. (The wall's cards read the same rule from the
 * live store; the wall's own test covers them once they are on it.)
 */
const { city, browser } = browserCity()

const GRID = '231281001001001'
const contexts: BrowserContext[] = []
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close()
})

/** Opens `path` signed in as `login`, once its panel (`panel`, a test id) is ready. */
async function open(login: string, path: string, panel: string): Promise<{ page: Page; errors: string[]; leaks: string[] }> {
  const context = await signedInContext(browser(), city.server.url, login)
  contexts.push(context)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const leaks = offMachineRequests(page)
  await page.goto(`${city.server.url}${path}`)
  await expect.poll(() => page.getByTestId(panel).getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
  return { page, errors, leaks }
}

/** A hazard reported by phone in the demo grid, through the API. */
async function reported(kind: string): Promise<CaseSummary> {
  const res = await call(`${city.server.url}/api/v1/cases`, 'POST', {
    category: 'hazard', kind, source: 'hotline_12345', location: await pointInGrid(city.db, GRID), description: '楼道内有浓烈燃气味',
  }, as.dutyLeader)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return CaseSummary.parse(res.body)
}

const alarm = (page: Page, c: CaseSummary) => page.getByTestId('urgent-alarms').locator(`li[data-code="${c.code}"]`)
const names = async () => Object.fromEntries((await city.db.query<{ code: string; name: string }>(
  `SELECT code, name FROM regions WHERE code IN ('231281001000', '231281001001')`)).map((r) => [r.code, r.name]))

describe('an urgent hazard’s alarm at the desks, 1080p', () => {
  it('comes live to the seat and to a duty leader’s desk; 确认收到 at the seat takes it off both', async () => {
    const seat = await open(LOGINS.operator, '/intake', 'intake-panel')
    const desk = await open(LOGINS.dutyLeader, '/desk', 'desk-panel')
    const c = await reported('gas')

    for (const { page } of [seat, desk]) await expect.poll(() => alarm(page, c).count(), { timeout: 10_000 }).toBe(1)
    const row = alarm(seat.page, c)
    const place = await names()
    const text = (await row.textContent())!
    expect(text).toContain('燃气安全')
    expect(text).toContain(`${place['231281001000']} · ${place['231281001001']}`)
    expect(text).toMatch(/(刚刚|\d+ 分钟前)上报/)
    // No area code, role or status on screen: the case's number is what a seat reads out.
    expect(await seat.page.getByTestId('urgent-alarms').textContent()).not.toMatch(/231281|operator|duty_leader|409/)
    await seat.page.screenshot({ path: join(screenshotDir(), 'urgent-seat.png') })
    await desk.page.screenshot({ path: join(screenshotDir(), 'urgent-desk.png') })

    await row.getByRole('button', { name: '确认收到' }).click()
    for (const { page } of [seat, desk]) await expect.poll(() => alarm(page, c).count(), { timeout: 5000 }).toBe(0)
    const [stored] = await city.db.query<{ acknowledged: boolean; steps: string[] }>(
      `SELECT acknowledged_at IS NOT NULL AS acknowledged,
              (SELECT array_agg(actor_role ORDER BY id) FROM case_history WHERE case_id = $1 AND step = 'acknowledge') AS steps
       FROM cases WHERE id = $1`, [c.id])
    expect(stored).toEqual({ acknowledged: true, steps: ['city'] })
    expect([...seat.errors, ...desk.errors]).toEqual([])
    expect([...seat.leaks, ...desk.leaks]).toEqual([])
  })

  it('goes when a duty leader acknowledges it elsewhere or it is closed; a refusal is said in Chinese', async () => {
    const seat = await open(LOGINS.operator, '/intake', 'intake-panel')
    const [elsewhere, closing, raced] = [await reported('fire'), await reported('flood'), await reported('electric')]
    for (const c of [elsewhere, closing, raced]) await expect.poll(() => alarm(seat.page, c).count(), { timeout: 10_000 }).toBe(1)

    expect((await call(`${city.server.url}/api/v1/cases/${elsewhere.id}/acknowledge`, 'POST', {}, as.dutyLeader)).status).toBe(200)
    await expect.poll(() => alarm(seat.page, elsewhere).count(), { timeout: 5000 }).toBe(0)

    for (const step of [{ step: 'sign_for' }, { step: 'verify' }, { step: 'handle' }, { step: 'feed_back' }, { step: 'close', resolved: true, satisfaction: 'satisfied' }]) {
      const res = await call(`${city.server.url}/api/v1/cases/${closing.id}/steps`, 'POST', step, as.dutyLeader)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    await expect.poll(() => alarm(seat.page, closing).count(), { timeout: 5000 }).toBe(0)

    // Acknowledged behind the stream's back (a desk that has not heard yet): the server refuses, the seat says why.
    await city.db.query('UPDATE cases SET acknowledged_at = now() WHERE id = $1', [raced.id])
    await alarm(seat.page, raced).getByRole('button', { name: '确认收到' }).click()
    const notice = alarm(seat.page, raced).getByTestId('notice')
    await expect.poll(() => notice.textContent(), { timeout: 5000 }).toBe('确认未成功：该紧急隐患已有人确认收到')
    await seat.page.screenshot({ path: join(screenshotDir(), 'urgent-seat-refused.png') })
    expect(seat.errors).toEqual([])
  })
})
