import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { mapSettled, offMachineRequests, screenshotDir } from '../support/browser'
import { browserCity } from '../support/browserCity'
import { signedInContext } from '../support/browserSession'
import { LOGINS } from '../support/serve'

const { city, browser } = browserCity()
const TOWNSHIP = '231281001000'

/** Opens a drill-down address and waits for its area's panel to be filled. */
async function openDrill(page: Page, path: string, code: string): Promise<void> {
  await page.goto(city.server.url + path)
  await expect.poll(() => page.getByTestId('drill-panel').getAttribute('data-loaded'), { timeout: 60_000 }).toBe(code)
}

/** The people's mediation committee the store holds for a community or township. */
async function committeeOf(region: string): Promise<string> {
  const [row] = await city.db.query<{ name: string }>(`
    SELECT b.name FROM mediation_bodies b JOIN regions r ON r.id = b.region_id WHERE r.code = $1 AND b.kind IN ('community', 'township')`, [region])
  return row!.name
}

/** Pixels of the mediation bodies' sand colour (drawn over the dark map) in a box round a point of the page. */
async function sandPixels(page: Page, png: Buffer, x: number, y: number, half: number): Promise<number> {
  return page.evaluate(async ({ b64, x, y, half }) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = new OffscreenCanvas(img.width, img.height)
    const ctx = c.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    const px = ctx.getImageData(Math.round(x - half), Math.round(y - half), 2 * half + 1, 2 * half + 1).data
    let n = 0
    for (let i = 0; i < px.length; i += 4) {
      const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!]
      if (r > 150 && g > 130 && b > 90 && b < 175 && r - b > 40 && Math.abs(r - g) < 45) n++
    }
    return n
  }, { b64: png.toString('base64'), x, y, half })
}

const project = (page: Page, p: [number, number]) =>
  page.evaluate((p) => (window as unknown as { commandCentre: { map: { project(p: [number, number]): { x: number; y: number } } } }).commandCentre.map.project(p), p)

describe('mediation on the drill-down', () => {
  it('shows a township’s own committee by its stored name, its specialised committees by field, and every body on the map', async () => {
    const context = await signedInContext(browser(), city.server.url, LOGINS.dutyLeader)
    const page = await context.newPage()
    const leaks = offMachineRequests(page)
    await openDrill(page, `/drill/township/${TOWNSHIP}`, TOWNSHIP)
    const panel = page.getByTestId('area-mediation')
    expect(await panel.getByTestId('committee').textContent()).toBe(await committeeOf(TOWNSHIP))
    const [served] = await city.db.query<{ n: number; communities: number }>(`
      SELECT count(*) FILTER (WHERE b.kind = 'specialised')::int AS n, count(*) FILTER (WHERE b.kind = 'community')::int AS communities
      FROM mediation_bodies b JOIN regions r ON r.id = b.region_id WHERE r.code LIKE '231281001%' OR r.level = 'county'`)
    expect(Number(await panel.getByTestId('specialised-count').textContent())).toBe(served!.n)
    expect(Number(await panel.getByTestId('community-committees').textContent())).toBe(served!.communities)
    // Every field the store has a committee of here, with its count.
    const fields = await city.db.query<{ field: string; n: number }>(`
      SELECT b.field, count(*)::int AS n FROM mediation_bodies b JOIN regions r ON r.id = b.region_id
      WHERE b.kind = 'specialised' AND (r.code LIKE '231281001%' OR r.level = 'county') GROUP BY b.field`)
    const split = await panel.getByTestId('specialised-fields').textContent()
    const FIELD_NAME: Record<string, string> = { labour: '劳动争议', family: '婚姻家庭', traffic: '交通事故', property: '物业', medical: '医疗纠纷', financial: '金融', land: '土地承包' }
    for (const f of fields) expect(split).toContain(`${FIELD_NAME[f.field]} ${f.n}`)

    // The township's committee sits at its seat: its sand ring is drawn there, and not far off where no body is.
    await mapSettled(page)
    const [seat] = await city.db.query<{ at: [number, number] }>(`
      SELECT json_build_array(ST_X(b.geom), ST_Y(b.geom)) AS at FROM mediation_bodies b JOIN regions r ON r.id = b.region_id
      WHERE r.code = $1 AND b.kind = 'township'`, [TOWNSHIP])
    const png = await page.screenshot({ path: join(screenshotDir(), 'mediation-drill-township-1080p.png') })
    const { x, y } = await project(page, seat!.at)
    expect(await sandPixels(page, png, x, y, 9)).toBeGreaterThan(6)
    const bodies = await city.db.query<{ at: [number, number] }>(`
      SELECT json_build_array(ST_X(b.geom), ST_Y(b.geom)) AS at FROM mediation_bodies b JOIN regions r ON r.id = b.region_id
      WHERE r.code LIKE '231281001%' OR r.level = 'county'`)
    const points = await Promise.all(bodies.map((b) => project(page, b.at)))
    // A place on the map (left of the 720-pixel panel) with no body near it.
    const far = [[160, 160], [-160, -160], [160, -160], [-160, 160], [0, 220], [0, -220], [220, 0], [-220, 0]]
      .map(([dx, dy]) => ({ x: x + dx!, y: y + dy! }))
      .find((f) => f.x > 20 && f.x < 1180 && f.y > 20 && f.y < 1060 && points.every((p) => Math.hypot(p.x - f.x, p.y - f.y) > 40))
    expect(await sandPixels(page, png, far!.x, far!.y, 9)).toBe(0)
    expect(leaks).toEqual([])
    await context.close()
  })

  it('lets the duty leader refer a seeded dispute to its community’s committee, record an agreement with its amount and the court’s confirmation', async () => {
    // A seeded open dispute in the township with no mediation open, in a grid of its own.
    const [c] = await city.db.query<{ id: number; grid: string; community: string }>(`
      SELECT c.id, g.code AS grid, com.code AS community FROM cases c JOIN grids g ON g.id = c.grid_id JOIN regions com ON com.id = c.community_id
      WHERE c.category = 'dispute' AND c.state NOT IN ('closed') AND g.code LIKE '231281001%'
        AND NOT EXISTS (SELECT FROM case_mediations m WHERE m.case_id = c.id AND m.outcome IS NULL)
      ORDER BY c.id LIMIT 1`)
    const committee = await committeeOf(c!.community)
    const context = await signedInContext(browser(), city.server.url, LOGINS.dutyLeader)
    const page = await context.newPage()
    await openDrill(page, `/drill/grid/${c!.grid}`, c!.grid)
    // The grid's committee is its community's, by the name the store holds (the township's name, then the community's).
    expect(await page.getByTestId('committee').textContent()).toBe(committee)
    const [names] = await city.db.query<{ t: string; com: string }>(`
      SELECT t.name AS t, com.name AS com FROM regions com JOIN regions t ON t.id = com.parent_id WHERE com.code = $1`, [c!.community])
    expect(committee).toBe(`${names!.t}${names!.com}人民调解委员会`)

    await page.locator(`button.case-row[data-case-id="${c!.id}"]`).click()
    const pane = page.getByTestId('case-pane')
    await expect.poll(() => pane.getAttribute('data-case-id')).toBe(String(c!.id))
    const section = pane.getByTestId('mediation')
    await expect.poll(() => section.getAttribute('aria-busy')).toBe('false')
    const before = await section.getByTestId('mediation-row').count()

    // Refer: nothing chosen beforehand; the list holds only bodies serving the case's area and taking its kind.
    await section.getByRole('button', { name: '移交调解' }).click()
    const refer = section.getByTestId('refer-form')
    await expect.poll(() => refer.getByLabel('调解组织').locator('option').count()).toBeGreaterThan(1)
    await refer.getByRole('button', { name: '移交调解' }).click()
    expect(await refer.locator('.field-error').allTextContents()).toEqual(['请选择调解组织', '请选择调解类型', '请选择调解方式'])
    const offered = await refer.getByLabel('调解组织').locator('option').allTextContents()
    expect(offered).toContain(committee)
    const other = await city.db.query<{ name: string }>(`
      SELECT b.name FROM mediation_bodies b JOIN regions r ON r.id = b.region_id WHERE r.level = 'community' AND r.code <> $1 AND r.code LIKE '231281001%'`, [c!.community])
    expect(other.length).toBeGreaterThan(0)
    for (const o of other) expect(offered).not.toContain(o.name)
    await refer.getByLabel('调解组织').selectOption({ label: committee })
    await refer.getByLabel('调解类型').selectOption({ label: '人民调解' })
    await refer.getByLabel('调解方式').selectOption({ label: '当场调解' })
    // The server's refusal of a body that does not serve the case's area (sent as if another screen had offered it) is said in Chinese, by its field.
    const [stranger] = await city.db.query<{ id: number }>('SELECT id FROM mediation_bodies WHERE name = $1', [other[0]!.name])
    await page.route('**/api/v1/cases/*/mediations', (route) => route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), bodyId: stranger!.id }) }), { times: 1 })
    await refer.getByRole('button', { name: '移交调解' }).click()
    await expect.poll(() => pane.getByTestId('notice').textContent(), { timeout: 5000 }).toBe('未能移交调解：调解组织：该组织不服务本案所在区域')
    expect(await refer.locator('.field-error').allTextContents()).toEqual(['该组织不服务本案所在区域'])
    expect(await city.db.query('SELECT 1 FROM case_mediations WHERE case_id = $1 AND outcome IS NULL', [c!.id])).toEqual([])
    await refer.getByRole('button', { name: '移交调解' }).click()
    await expect.poll(() => pane.getByTestId('notice').textContent(), { timeout: 5000 }).toBe(`已移交${committee}（人民调解·当场调解）`)
    const rows = section.getByTestId('mediation-row')
    await expect.poll(() => rows.count()).toBe(before + 1)
    expect(await rows.last().getAttribute('data-outcome')).toBe('open')
    expect(await rows.last().textContent()).toContain(committee)
    await expect.poll(() => pane.getByTestId('timeline').locator('li[data-step=mediate]').count()).toBeGreaterThan(0)

    // The outcome: an amount in fen at most, said in Chinese under its field; then an agreement of 12,000 yuan, confirmed first.
    await section.getByRole('button', { name: '记录调解结果' }).click()
    const outcome = section.getByTestId('outcome-form')
    await outcome.getByLabel('调解次数').fill('2')
    await outcome.getByLabel('达成协议', { exact: true }).check()
    await outcome.getByLabel('协议金额').fill('12000.555')
    await outcome.getByRole('button', { name: '记录调解结果…' }).click()
    expect(await outcome.locator('.field-error').allTextContents()).toEqual(['最多到分（两位小数）'])
    await pane.screenshot({ path: join(screenshotDir(), 'mediation-outcome-form-1080p.png') })
    await outcome.getByLabel('协议金额').fill('12000')
    await outcome.getByRole('button', { name: '记录调解结果…' }).click()
    expect(await outcome.getByTestId('confirm').textContent()).toContain(`${committee}调解 2 次，达成协议，协议金额 12,000 元`)
    await outcome.getByRole('button', { name: '确认记录调解结果' }).click()
    await expect.poll(() => rows.last().getAttribute('data-outcome'), { timeout: 5000 }).toBe('agreement')
    expect(await rows.last().getByTestId('mediation-amount').textContent()).toBe('12,000 元')
    expect(await rows.last().textContent()).toContain('调解 2 次')
    expect(await rows.last().textContent()).toContain('未司法确认')

    // The court's confirmation, today.
    await section.getByRole('button', { name: '司法确认' }).click()
    const confirmation = section.getByTestId('confirmation-form')
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    await confirmation.getByLabel('司法确认日期').fill(today)
    await confirmation.getByRole('button', { name: '记录司法确认' }).click()
    await expect.poll(() => rows.last().getByTestId('mediation-confirmed').textContent(), { timeout: 5000 }).toBe(today.split('-').map(Number).join('/'))

    const stored = await city.db.query<{ body: string; kind: string; mode: string; sessions: number; outcome: string; amount: string; confirmed: boolean }>(`
      SELECT b.name AS body, m.kind, m.mode, m.sessions, m.outcome, m.amount_yuan::text AS amount, m.confirmed_at IS NOT NULL AS confirmed
      FROM case_mediations m JOIN mediation_bodies b ON b.id = m.body_id WHERE m.case_id = $1 ORDER BY m.id DESC LIMIT 1`, [c!.id])
    expect(stored).toEqual([{ body: committee, kind: 'people', mode: 'on_site', sessions: 2, outcome: 'agreement', amount: '12000.00', confirmed: true }])
    // Nothing more is offered but a new referral.
    expect(await section.locator('.mediation-actions button').allTextContents()).toEqual(['移交调解'])
    await pane.screenshot({ path: join(screenshotDir(), 'mediation-case-pane-1080p.png') })
    await context.close()
  })
})
