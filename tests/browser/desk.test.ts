import { join } from 'node:path'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { mapSettled, offMachineRequests, screenshotDir } from '../support/browser'
import { browserCity } from '../support/browserCity'
import { signedInContext } from '../support/browserSession'
import { as, call, LOGINS, type Who } from '../support/serve'
import { pointInGrid } from '../support/servedCity'

const { city, browser } = browserCity()

const GRID = '231281001001001'
const LEAD = '新兴街道司法所'
const ASSISTING = '新兴街道派出所'

/** Opens `/desk` signed in as `login`, once its inbox is read and its room is live. */
async function openDesk(login: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await signedInContext(browser(), city.server.url, login)
  const page = await context.newPage()
  await page.goto(`${city.server.url}/desk`)
  await expect.poll(() => page.getByTestId('desk-panel').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
  await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
  return { context, page }
}

/** A grid worker's own report in the demo grid, through the API: theirs already (signed for), as the app gives it. */
async function reported(description: string): Promise<number> {
  const res = await call(`${city.server.url}/api/v1/cases`, 'POST', {
    category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: await pointInGrid(city.db, GRID), description,
  }, as.gridWorker)
  expect(res.status).toBe(201)
  return (res.body as { id: number }).id
}

/** A step through the API by one of the demo accounts. */
async function step(who: Who, id: number, body: object): Promise<void> {
  const res = await call(`${city.server.url}/api/v1/cases/${id}/steps`, 'POST', body, as[who])
  expect(res.status, JSON.stringify(res.body)).toBe(200)
}

const row = (page: Page, id: number) => page.locator(`button.case-row[data-case-id="${id}"]`)
const stored = async (id: number) => (await city.db.query<{ state: string; level: string; signed: boolean; resolved: boolean | null; satisfaction: string | null }>(
  'SELECT state, level, signed_at IS NOT NULL AS signed, resolved, satisfaction FROM cases WHERE id = $1', [id]))[0]!

/** Takes the step whose tab is `tab` in the pane, filling what `fill` fills, and waits for what the pane then says. */
async function take(pane: Locator, tab: string, fill: (form: Locator) => Promise<void> = async () => {}): Promise<string> {
  await pane.getByRole('tab', { name: tab, exact: true }).click()
  const form = pane.getByTestId('step-form')
  await fill(form)
  await form.locator('button[type=submit]').click()
  const confirm = form.getByTestId('confirm')
  if (await confirm.count()) await confirm.getByRole('button', { name: /^确认/ }).click()
  const notice = pane.getByTestId('notice')
  await expect.poll(() => notice.getAttribute('class'), { timeout: 5000 }).toBe('notice done')
  return (await notice.textContent())!
}

describe('the desk at 1080p', () => {
  it('a community officer sees a case reported up arrive live, with a chime, signs for it and handles it through to closing', async () => {
    const { context, page } = await openDesk(LOGINS.communityOfficer)
    const leaks = offMachineRequests(page)
    expect(await page.getByTestId('signed-in').getAttribute('data-role')).toBe('community_officer')
    expect(await page.getByTestId('area-name').textContent()).toContain(await page.getByTestId('scope-name').textContent())
    // Its figures beside its township's.
    await expect.poll(() => page.getByTestId('desk-figures').locator('tbody tr').count(), { timeout: 10_000 }).toBe(2)
    const chimes = async () => Number(await page.getByTestId('sound-toggle').getAttribute('data-chimes'))
    // A page nobody has touched may not play sound: the officer has used it (as one does) before the case comes.
    await page.getByTestId('area-name').click()
    const chimedBefore = await chimes()

    // The grid worker reports a case and sends it up to the community, through the API.
    const id = await reported('楼上漏水，两户争执')
    await step('gridWorker', id, { step: 'verify' })
    await step('gridWorker', id, { step: 'report_up', note: '需社区协调物业' })
    await expect.poll(() => row(page, id).count(), { timeout: 5000 }).toBe(1)
    expect(await row(page, id).getAttribute('data-signed')).toBe('false')
    expect(await row(page, id).textContent()).toContain('待签收')
    expect(await row(page, id).textContent()).toContain('新')
    await expect.poll(chimes, { timeout: 3000 }).toBe(chimedBefore + 1)
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'desk-community-arrived.png') })

    // By keyboard: into the list, j to the case, Enter opens it.
    const ids = await page.locator('button.case-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-case-id'))))
    await page.locator('button.case-row').first().focus()
    for (let i = 0; i < ids.indexOf(id); i++) await page.keyboard.press('j')
    await page.keyboard.press('Enter')
    const pane = page.getByTestId('case-pane')
    await expect.poll(() => pane.getAttribute('data-case-id'), { timeout: 5000 }).toBe(String(id))
    expect(await pane.getByTestId('case-sign').textContent()).toBe('待签收')
    expect(await pane.getByRole('tab').allTextContents()).toEqual(['签收', '退回', '指派'])

    expect(await take(pane, '签收')).toMatch(/^已签收，办理时限 /)
    expect(await stored(id)).toMatchObject({ state: 'reported_up', level: 'community', signed: true })
    await expect.poll(() => row(page, id).getAttribute('data-signed'), { timeout: 3000 }).toBe('true')

    expect(await take(pane, '处置', (f) => f.getByLabel('处置说明').fill('已约物业与两户上门查看'))).toMatch(/^已记录处置，办理时限 /)
    expect(await take(pane, '反馈结果', (f) => f.getByLabel('办理结果').fill('物业已修复管道，双方和解'))).toMatch(/^已反馈结果/)
    expect((await stored(id)).state).toBe('fed_back')

    // Nothing is assumed on closing: sent as it opens, it is refused here, before the server, with what is missing.
    await pane.getByRole('tab', { name: '结案', exact: true }).click()
    const form = pane.getByTestId('step-form')
    expect(await form.locator('input[type=radio]:checked').count()).toBe(0)
    await form.locator('button[type=submit]').click()
    expect(await form.locator('.field-error').allTextContents()).toEqual(['请选择是否化解', '请选择群众满意度'])
    expect(await form.getByTestId('confirm').count()).toBe(0)
    expect((await stored(id)).state).toBe('fed_back')

    expect(await take(pane, '答复', async (f) => {
      await f.getByLabel('电话').check()
      await f.getByLabel('答复内容').fill('已电话告知处理结果')
    })).toBe('已记录答复群众')

    await pane.getByRole('tab', { name: '结案', exact: true }).click()
    await form.getByLabel('已化解', { exact: true }).check()
    await form.getByLabel('未回访').check()
    await form.getByLabel('说明').fill('双方签订调解协议')
    await form.locator('button[type=submit]').click()
    const confirm = form.getByTestId('confirm')
    expect(await confirm.textContent()).toContain('结案：已化解，群众满意度「未回访」；说明：双方签订调解协议。')
    await page.screenshot({ path: join(screenshotDir(), 'desk-community-confirm.png') })
    await confirm.getByRole('button', { name: '确认结案' }).click()
    await expect.poll(() => pane.getByTestId('notice').textContent(), { timeout: 5000 }).toBe('已结案：已化解，群众满意度「未回访」')
    expect(await stored(id)).toMatchObject({ state: 'closed', resolved: true, satisfaction: 'not_visited' })
    // It has left the inbox; the pane still shows it, now offering the follow-up, with nothing chosen.
    await expect.poll(() => row(page, id).count(), { timeout: 3000 }).toBe(0)
    expect(await page.getByTestId('left-inbox').count()).toBe(1)
    await expect.poll(() => pane.getByRole('tab').allTextContents(), { timeout: 3000 }).toEqual(['回访'])
    expect(await pane.locator('input[type=radio]:checked').count()).toBe(0)
    expect(await pane.getByTestId('timeline').locator('li').count()).toBe((await city.db.query('SELECT 1 FROM case_history WHERE case_id = $1', [id])).length)
    await page.screenshot({ path: join(screenshotDir(), 'desk-community-closed.png') })
    expect(leaks).toEqual([])
    await context.close()
  })

  it('remembers a sound turned off: the next case arrives without a chime, and the choice holds after a reload', async () => {
    const { context, page } = await openDesk(LOGINS.communityOfficer)
    const toggle = page.getByTestId('sound-toggle')
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    await toggle.click()
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    const id = await reported('路灯下有人聚集争吵')
    await step('gridWorker', id, { step: 'verify' })
    await step('gridWorker', id, { step: 'report_up' })
    await expect.poll(() => row(page, id).count(), { timeout: 5000 }).toBe(1)
    expect(await toggle.getAttribute('data-chimes')).toBe('0')
    await page.reload()
    await expect.poll(() => page.getByTestId('desk-panel').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    expect(await page.getByTestId('sound-toggle').getAttribute('aria-pressed')).toBe('false')
    await context.close()
  })

  it('a township officer signs for a case reported up and routes it (吹哨) to departments it may summon, confirming a summary', async () => {
    const id = await reported('商铺占道经营，与居民冲突')
    await step('gridWorker', id, { step: 'verify' })
    await step('gridWorker', id, { step: 'report_up' })
    await step('communityOfficer', id, { step: 'sign_for' })
    const { context, page } = await openDesk(LOGINS.townshipOfficer)
    await step('communityOfficer', id, { step: 'report_up', note: '需街道协调执法' })
    await expect.poll(() => row(page, id).count(), { timeout: 5000 }).toBe(1)
    await row(page, id).click()
    const pane = page.getByTestId('case-pane')
    await expect.poll(() => pane.getAttribute('data-case-id'), { timeout: 5000 }).toBe(String(id))
    expect(await take(pane, '签收')).toMatch(/^已签收，办理时限 /)

    await pane.getByRole('tab', { name: '吹哨派单', exact: true }).click()
    const form = pane.getByTestId('step-form')
    const lead = form.getByLabel('牵头部门')
    // Its own township's offices and the city's bureaus, none of another township's, none disabled.
    const offered = (await lead.locator('option').allTextContents()).slice(1)
    const allowed = await city.db.query<{ name: string }>(
      `SELECT name FROM departments WHERE enabled AND (level = 'city' OR township_code = '231281001000') ORDER BY name`)
    expect(offered.map((o) => o.replace(/（.*）$/, '')).sort()).toEqual(allowed.map((d) => d.name).sort())
    expect(offered.some((o) => o.startsWith('安达镇'))).toBe(false)
    await form.locator('button[type=submit]').click()
    expect(await form.locator('.field-error').allTextContents()).toEqual(['请选择牵头部门'])

    await lead.selectOption(LEAD)
    await form.getByLabel(ASSISTING).check()
    await form.getByLabel('安达市城市管理综合执法局').check()
    await form.getByLabel('说明').fill('请司法所牵头调解，城管配合')
    await form.locator('button[type=submit]').click()
    expect(await form.getByTestId('confirm').textContent()).toContain(`吹哨派单：牵头部门「${LEAD}」，配合部门「${ASSISTING}、安达市城市管理综合执法局」`)
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'desk-township-route.png') })
    await form.getByRole('button', { name: '确认吹哨派单' }).click()
    await expect.poll(() => pane.getByTestId('notice').textContent(), { timeout: 5000 })
      .toMatch(new RegExp(`^已吹哨派单：牵头 ${LEAD}，配合 ${ASSISTING}、安达市城市管理综合执法局；报到时限 `))
    const routes = await city.db.query<{ department: string; lead: boolean }>(
      'SELECT department, lead FROM case_routes WHERE case_id = $1 AND ended_at IS NULL ORDER BY lead DESC, department', [id])
    expect(routes).toEqual([{ department: LEAD, lead: true }, { department: '安达市城市管理综合执法局', lead: false }, { department: ASSISTING, lead: false }])
    expect(await pane.getByTestId('case-reports').textContent()).toContain(`牵头 ${LEAD} 待报到`)
    await context.close()
  })

  it('a department officer sees a case the township routes to it arrive, reports (报到) and replies with its result', async () => {
    // A case the township holds and has signed for: up from the grid, through the community.
    const id = await reported('宅基地边界纠纷，双方各执一词')
    await step('gridWorker', id, { step: 'verify' })
    await step('gridWorker', id, { step: 'report_up' })
    await step('communityOfficer', id, { step: 'sign_for' })
    await step('communityOfficer', id, { step: 'report_up', note: '涉及土地确权，社区无法处理' })
    await step('townshipOfficer', id, { step: 'sign_for' })

    const { context, page } = await openDesk(LOGINS.departmentOfficer)
    expect(await page.getByTestId('signed-in').getAttribute('data-role')).toBe('department_officer')
    expect(await row(page, id).count()).toBe(0)
    await step('townshipOfficer', id, { step: 'route', lead: LEAD, assisting: [ASSISTING], note: '请司法所牵头调解' })
    await expect.poll(() => row(page, id).count(), { timeout: 5000 }).toBe(1)
    const text = await row(page, id).textContent()
    expect(text).toContain('待报到')
    expect(text).toContain(`牵头${LEAD}待报到`)
    expect(text).toContain(`配合${ASSISTING}待报到`)

    await row(page, id).click()
    const pane = page.getByTestId('case-pane')
    await expect.poll(() => pane.getAttribute('data-case-id'), { timeout: 5000 }).toBe(String(id))
    expect(await pane.getByRole('tab').allTextContents()).toEqual(['报到', '退回'])
    await mapSettled(page)
    await page.screenshot({ path: join(screenshotDir(), 'desk-department-routed.png') })

    expect(await take(pane, '报到')).toMatch(new RegExp(`^${LEAD}已报到，案件时限 `))
    const [route] = await city.db.query<{ signed: boolean }>('SELECT signed_at IS NOT NULL AS signed FROM case_routes WHERE case_id = $1 AND department = $2 AND ended_at IS NULL', [id, LEAD])
    expect(route!.signed).toBe(true)
    await expect.poll(() => row(page, id).textContent(), { timeout: 3000 }).toContain(`牵头${LEAD}已报到`)
    // The open pane reads the case again after its row changes: its actions follow a moment later.
    await expect.poll(() => pane.getByRole('tab').allTextContents(), { timeout: 10_000 }).toEqual(['处置', '退回', '反馈结果'])

    expect(await take(pane, '反馈结果', (f) => f.getByLabel('办理结果').fill('已组织双方现场勘界，达成调解协议'))).toMatch(/^已反馈办理结果，待乡镇\(街道\)审核，审核时限 /)
    expect((await stored(id)).state).toBe('fed_back')
    const [fed] = await city.db.query<{ department: string; note: string }>(`SELECT department, note FROM case_history WHERE case_id = $1 AND step = 'feed_back'`, [id])
    expect(fed).toEqual({ department: LEAD, note: '已组织双方现场勘界，达成调解协议' })
    await page.screenshot({ path: join(screenshotDir(), 'desk-department-replied.png') })
    await context.close()
  })
})
