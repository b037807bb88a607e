import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CaseDetail, CaseMediations, Figures, labels, Rankings } from '../../contract'
import { count, percent } from '../../client/src/ui/format'
import { offMachineRequests, screenshotDir } from '../support/browser'
import { browserCity } from '../support/browserCity'
import { signedInContext } from '../support/browserSession'
import { LOGINS } from '../support/serve'

const { city, browser } = browserCity()

/** A PDF's pages and the text on each, as a reader's copy-and-paste would give it. */
async function pdfText(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
  const pages: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''))
  }
  await doc.destroy()
  return pages
}

/** What the API answers the signed-in context, parsed. */
async function read<T>(context: BrowserContext, path: string, schema: { parse(x: unknown): T }): Promise<T> {
  const res = await context.request.get(`${city.server.url}${path}`)
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200)
  return schema.parse(await res.json())
}

/** The whole page in one picture: the window as tall as the document. */
async function fullShot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({ width: 1280, height })
  await page.screenshot({ path: join(screenshotDir(), name), fullPage: true })
}

describe('the printed report and a case file', () => {
  it('a duty leader prints the city\'s November report: the API\'s figures on screen and in a PDF of 2–6 A4 pages without the screen\'s controls', async () => {
    const context = await signedInContext(browser(), city.server.url, LOGINS.dutyLeader, { viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const leaks = offMachineRequests(page)
    await page.goto(`${city.server.url}/report?period=month&at=2026-11-15`)
    const report = page.getByTestId('report')
    await expect.poll(() => report.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    await page.evaluate(() => document.fonts.ready)

    const figures = await read(context, '/api/v1/figures?period=month&at=2026-11-15', Figures)
    const rankings = await read(context, '/api/v1/rankings?period=month&at=2026-11-15&unit=township', Rankings)
    const { current } = figures.totals
    const title = `${figures.area.name}综治工作月报`
    expect(await page.getByTestId('report-title').textContent()).toBe(title)
    expect(await page.getByTestId('report-period').textContent()).toContain('2026年11月')
    expect(current.received).toBeGreaterThan(0)
    expect(await page.getByTestId('headline-received-current').textContent()).toBe(count(current.received))
    expect(await page.getByTestId('headline-closedRate-current').textContent()).toBe(percent(current.closedRate))
    expect(await page.getByTestId('headline-satisfaction-current').textContent()).toBe(percent(current.satisfaction))
    expect(await page.getByTestId('headline-referred-current').textContent()).toBe(count(figures.mediation.current.referred))
    // Every township one row, with its own count; the channels add up to the total.
    const township = figures.byArea[0]!
    const row = page.getByTestId('by-area').locator(`tbody tr[data-key="${township.code}"]`)
    expect(await row.locator('th').textContent()).toBe(township.name)
    expect(await row.locator('td').first().textContent()).toBe(count(township.measures.received))
    expect(await page.getByTestId('by-area').locator('tbody tr').count()).toBe(figures.byArea.length)
    expect(await page.getByTestId('by-channel').locator('tfoot td').first().textContent()).toBe(count(current.received))
    expect(await page.getByTestId('ranking').locator('tbody tr').count()).toBe(rankings.rows.length)
    expect(await page.getByTestId('ranking').locator('tbody tr').first().locator('th').textContent()).toBe(rankings.rows[0]!.name)
    expect(await page.getByTestId('chart-area').locator('svg text.label').count()).toBe(figures.byArea.length)
    await fullShot(page, 'report-month.png')

    const pdf = await page.pdf({ format: 'A4' })
    writeFileSync(join(screenshotDir(), 'report-month.pdf'), pdf)
    const pages = await pdfText(pdf)
    expect(pages.length).toBeGreaterThanOrEqual(2)
    expect(pages.length).toBeLessThanOrEqual(6)
    const text = pages.join('\n')
    expect(text).toContain(title)
    expect(text).toContain('2026年11月')
    expect(text).toContain(township.name)
    expect(pages[0]).toContain(count(current.received))
    expect(pages[0]).toContain(percent(current.closedRate))
    // The toolbar (period, 打印, who is signed in) stays on the screen.
    expect(text).not.toContain('综治工作报表')
    expect(text).not.toContain('退出')
    expect(text).not.toContain(labels.role.duty_leader)

    // A quarter chosen on screen: the address follows, and the report is the fourth quarter's.
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.getByTestId('pick-kind').selectOption('quarter')
    await expect.poll(() => page.getByTestId('report-title').textContent(), { timeout: 60_000 }).toBe(`${figures.area.name}综治工作季报`)
    expect(await page.getByTestId('report-period').textContent()).toContain('2026年第四季度')
    expect(new URL(page.url()).searchParams.get('period')).toBe('quarter')
    const quarter = await read(context, `/api/v1/figures${new URL(page.url()).search}`, Figures)
    expect(await page.getByTestId('headline-received-current').textContent()).toBe(count(quarter.totals.current.received))
    expect(leaks).toEqual([])
    await context.close()
  })

  it('prints an escalated case as a 督办单 on one A4 page, its steps in Chinese, with its mediations', async () => {
    const [escalated] = await city.db.query<{ id: number }>(
      `SELECT id FROM cases c WHERE escalations > 0
       ORDER BY EXISTS (SELECT 1 FROM case_mediations m WHERE m.case_id = c.id) DESC, id LIMIT 1`)
    const id = escalated!.id
    const context = await signedInContext(browser(), city.server.url, LOGINS.dutyLeader, { viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const leaks = offMachineRequests(page)
    await page.goto(`${city.server.url}/print/case/${id}`)
    const file = page.getByTestId('case-file')
    await expect.poll(() => file.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true')
    await page.evaluate(() => document.fonts.ready)

    const detail = await read(context, `/api/v1/cases/${id}`, CaseDetail)
    expect(detail.escalations).toBeGreaterThan(0)
    expect(await page.getByTestId('case-file-title').textContent()).toBe('督办单')
    expect(await file.textContent()).toContain(detail.code)
    const steps = page.getByTestId('case-steps').locator('tbody tr')
    expect(await steps.count()).toBe(detail.history.length)
    const named = await steps.locator('td.step b').allTextContents()
    expect(named).toEqual(detail.history.map((h) => (h.step === 'sign_for' && h.actorRole === 'department' ? '报到' : labels.caseStep[h.step])))
    expect(named).toContain(labels.caseStep.supervise)
    const res = await context.request.get(`${city.server.url}/api/v1/cases/${id}/mediations`)
    const mediations = res.status() === 404 ? [] : CaseMediations.parse(await res.json()).mediations
    expect(await page.getByTestId('case-mediations').locator('tbody tr').count()).toBe(mediations.length)
    await fullShot(page, 'case-file-escalated.png')

    const pdf = await page.pdf({ format: 'A4' })
    writeFileSync(join(screenshotDir(), 'case-file-escalated.pdf'), pdf)
    const pages = await pdfText(pdf)
    expect(pages.length).toBe(1)
    expect(pages[0]).toContain('督办单')
    expect(pages[0]).toContain(detail.code)
    expect(pages[0]).toContain(labels.caseStep.supervise)
    expect(pages[0]).not.toContain('案件督办单')
    expect(pages[0]).not.toContain('退出')
    expect(leaks).toEqual([])
    await context.close()
  })
})
