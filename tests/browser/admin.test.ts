import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { offMachineRequests, screenshotDir } from '../support/browser'
import { browserCity } from '../support/browserCity'
import { signedInContext } from '../support/browserSession'
import { call } from '../support/serve'

const { city, browser } = browserCity()

describe('the admin screen', () => {
  it('adds an account, issues it a key shown once, disables it; the audit tab lists these writes, newest first', async () => {
    const context = await signedInContext(browser(), city.server.url, 'admin')
    const page = await context.newPage()
    const leaks = offMachineRequests(page)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${city.server.url}/admin`)
    const accounts = page.getByTestId('accounts')
    await accounts.locator('tr[data-login="leader"]').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('signed-in').getAttribute('data-role')).toBe('admin')

    // A new township officer of 新兴街道, added with the form (Enter in its last field submits it).
    const form = page.getByTestId('new-account')
    await form.getByLabel('登录名').fill('xinxing-duty')
    await form.getByLabel('名称').fill('新兴街道值班员')
    await form.getByLabel('角色').selectOption('township_officer')
    await form.getByLabel('管辖范围').fill('231281001000')
    await form.getByLabel('初始密码').fill('a-long-first-password')
    await form.getByLabel('初始密码').press('Enter')
    const row = accounts.locator('tr[data-login="xinxing-duty"]')
    await row.waitFor({ timeout: 10_000 })
    expect(await row.textContent()).toContain('乡镇(街道)工作人员')
    await expect.poll(() => row.textContent()).toContain('新兴街道')
    expect(await row.getAttribute('data-enabled')).toBe('true')
    // It signs in.
    const signIn = () => call(`${city.server.url}/api/v1/session`, 'POST', { login: 'xinxing-duty', password: 'a-long-first-password' })
    expect((await signIn()).status).toBe(200)

    // A key: its label, Enter; shown once in a box with a warning, and it works.
    await row.getByTestId('issue-key').click()
    await page.getByLabel('xinxing-duty 的新密钥用途').fill('值班脚本')
    await page.keyboard.press('Enter')
    const box = page.getByTestId('issued-key')
    await box.waitFor({ timeout: 10_000 })
    expect(await box.textContent()).toContain('只显示这一次')
    const key = await page.getByTestId('issued-key-value').inputValue()
    expect(key).toMatch(/^gk_/)
    // Selected for copying at once.
    expect(await page.evaluate(() => String(window.getSelection()?.toString() || (document.activeElement as HTMLInputElement | null)?.value))).toBe(key)
    const asKey = { authorization: `Bearer ${key}` }
    expect((await call(`${city.server.url}/api/v1/me`, 'GET', undefined, asKey)).body).toMatchObject({ login: 'xinxing-duty', via: 'key' })
    await expect.poll(() => row.getByTestId('account-keys').getAttribute('data-active')).toBe('1')
    await page.screenshot({ path: join(screenshotDir(), 'admin-key-issued-1080p.png'), fullPage: true })
    await page.getByTestId('issued-key-done').click()
    expect(await page.content()).not.toContain(key)
    await page.reload()
    await accounts.locator('tr[data-login="xinxing-duty"]').waitFor({ timeout: 30_000 })
    expect(await page.content()).not.toContain(key)

    // Disabled: its sessions, its password and its key all stop working.
    await row.getByTestId('toggle-enabled').click()
    await expect.poll(() => row.getAttribute('data-enabled')).toBe('false')
    expect(await row.getByTestId('account-state').textContent()).toBe('已停用')
    expect((await signIn()).status).toBe(401)
    expect((await call(`${city.server.url}/api/v1/me`, 'GET', undefined, asKey)).status).toBe(401)
    await page.screenshot({ path: join(screenshotDir(), 'admin-accounts-1080p.png') })

    // The audit log: the three writes, by admin, newest first.
    await page.getByTestId('tab-audit').click()
    const audit = page.getByTestId('audit')
    const writes = ['PATCH /api/v1/accounts/xinxing-duty', 'POST /api/v1/accounts/xinxing-duty/keys', 'POST /api/v1/accounts']
    const actions = () => audit.locator('tbody tr').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-actor')} ${r.getAttribute('data-action')}`))
    // Audit entries are written just after each answer: read again until all are there.
    await expect.poll(async () => {
      await page.getByRole('button', { name: '查询' }).click()
      const shown = await actions()
      return writes.map((w) => shown.indexOf(`admin ${w}`))
    }, { timeout: 10_000 }).toSatisfy((at: number[]) => at.every((i) => i >= 0) && at[0]! < at[1]! && at[1]! < at[2]!)
    // Filtered to the new account's path: only its writes.
    await page.getByLabel('操作包含').fill('xinxing-duty')
    await page.getByLabel('操作包含').press('Enter')
    await expect.poll(actions, { timeout: 5000 }).toEqual(writes.slice(0, 2).map((w) => `admin ${w}`))
    // And by actor: the failed sign-in of the disabled account has none, and is not among admin's.
    await page.getByLabel('操作包含').fill('')
    await page.getByLabel('账号').fill('admin')
    await page.getByLabel('账号').press('Enter')
    await expect.poll(async () => (await actions()).every((a) => a.startsWith('admin ')), { timeout: 5000 }).toBe(true)
    await page.getByLabel('账号').fill('')
    await page.getByLabel('操作包含').fill('accounts')
    await page.getByLabel('操作包含').press('Enter')
    await expect.poll(async () => (await actions()).length, { timeout: 5000 }).toBe(3)
    await page.screenshot({ path: join(screenshotDir(), 'admin-audit-1080p.png') })
    expect(errors).toEqual([])
    expect(leaks).toEqual([])
    await context.close()
  })

  it('is not for other roles: the screen says so, and the accounts route refuses them', async () => {
    const context = await signedInContext(browser(), city.server.url, 'leader')
    const page = await context.newPage()
    await page.goto(`${city.server.url}/admin`)
    await expect.poll(() => page.getByTestId('admin').textContent(), { timeout: 30_000 }).toContain('此页面仅限系统管理员使用')
    expect(await page.getByTestId('accounts').count()).toBe(0)
    expect((await page.request.get(`${city.server.url}/api/v1/accounts`)).status()).toBe(403)
    await context.close()
  })
})
