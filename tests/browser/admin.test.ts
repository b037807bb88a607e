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

  it('keeps the departments and the time limits: adds a township office, an officer for it, disables it; changes a limit', async () => {
    const context = await signedInContext(browser(), city.server.url, 'admin')
    const page = await context.newPage()
    const leaks = offMachineRequests(page)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const writes: string[] = []
    page.on('request', (r) => r.method() !== 'GET' && writes.push(`${r.method()} ${new URL(r.url()).pathname}`))
    await page.goto(`${city.server.url}/admin#departments`)
    const departments = page.getByTestId('departments')
    await departments.locator('tr[data-department="新兴街道司法所"]').waitFor({ timeout: 30_000 })
    // Grouped: the city's bureaus, then each township's offices under its name.
    expect(await departments.locator('tbody').first().getAttribute('data-group')).toBe('city')
    const xinxing = departments.locator('tbody[data-group="231281001000"]')
    // Townships' names arrive after the departments (the group shows its code until then).
    await xinxing.locator('tr.group', { hasText: '新兴街道' }).waitFor({ timeout: 10_000 })

    // Checked before it is sent, as the server checks it: a township office needs its township and a name.
    const form = page.getByTestId('new-department')
    await form.getByLabel('层级').selectOption('township')
    await form.getByLabel('部门名称').fill('x')
    await form.getByRole('button', { name: '添加' }).click()
    await expect.poll(() => form.textContent()).toContain('乡镇(街道)站所必填')
    expect(await form.textContent()).toContain('须为2至40字的部门名称')
    expect(await form.getByLabel('部门名称').getAttribute('aria-invalid')).toBe('true')
    expect(writes).toEqual([])
    await page.screenshot({ path: join(screenshotDir(), 'admin-department-refused-1080p.png'), clip: { x: 0, y: 0, width: 1920, height: 360 } })
    // A name taken: the server's refusal, at the name.
    await form.getByLabel('所属乡镇（街道）').selectOption('231281001000')
    await form.getByLabel('部门名称').fill('新兴街道司法所')
    await form.getByLabel('部门名称').press('Enter')
    await expect.poll(() => form.textContent()).toContain('已有同名的部门')
    expect(writes).toEqual(['POST /api/v1/departments'])

    // A new office of 新兴街道: in its township's group, enabled, with no account yet.
    await form.getByLabel('部门名称').fill('新兴街道综合行政执法队')
    await form.getByLabel('部门名称').press('Enter')
    const office = xinxing.locator('tr[data-department="新兴街道综合行政执法队"]')
    await office.waitFor({ timeout: 10_000 })
    expect(await office.getByTestId('department-state').textContent()).toBe('启用')
    expect(await office.getByTestId('department-accounts').getAttribute('data-count')).toBe('0')
    expect(await form.getByLabel('部门名称').inputValue()).toBe('')

    // Its row's shortcut opens the accounts form as its officer; the department is one of the enabled ones.
    await office.getByTestId('add-department-account').click()
    const accountForm = page.getByTestId('new-account')
    expect(await accountForm.getByLabel('角色').inputValue()).toBe('department_officer')
    // The tab reads the departments afresh; the form shows the office once they are in.
    await expect.poll(() => accountForm.getByLabel('所属部门').inputValue(), { timeout: 10_000 }).toBe('新兴街道综合行政执法队')
    await accountForm.getByLabel('登录名').fill('xinxing-zhifa')
    await accountForm.getByLabel('名称').fill('新兴街道执法队值班员')
    await accountForm.getByLabel('初始密码').fill('a-long-first-password')
    await accountForm.getByLabel('初始密码').press('Enter')
    const officer = page.getByTestId('accounts').locator('tr[data-login="xinxing-zhifa"]')
    await officer.waitFor({ timeout: 10_000 })
    expect(await officer.textContent()).toContain('部门工作人员')
    expect(await officer.textContent()).toContain('新兴街道综合行政执法队')
    await page.screenshot({ path: join(screenshotDir(), 'admin-department-officer-1080p.png') })

    // Back on the departments tab it counts one account; disabled, it takes no new officer.
    await page.getByTestId('tab-departments').click()
    await expect.poll(() => office.getByTestId('department-accounts').getAttribute('data-count'), { timeout: 10_000 }).toBe('1')
    await office.getByTestId('toggle-department').click()
    await expect.poll(() => office.getAttribute('data-enabled')).toBe('false')
    expect(await office.getByTestId('add-department-account').isDisabled()).toBe(true)
    await office.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(screenshotDir(), 'admin-departments-1080p.png') })
    const listed = (await (await page.request.get(`${city.server.url}/api/v1/departments`)).json()) as { name: string; enabled: boolean }[]
    expect(listed.find((d) => d.name === '新兴街道综合行政执法队')).toMatchObject({ enabled: false })
    await page.getByTestId('tab-accounts').click()
    await accountForm.getByLabel('角色').selectOption('department_officer')
    const choices = await accountForm.getByLabel('所属部门').locator('option').allTextContents()
    expect(choices).toContain('新兴街道司法所')
    expect(choices).not.toContain('新兴街道综合行政执法队')

    // The time limits: a township's 8 hours to sign for a case become 6; a bad value is refused at its cell, unsent.
    await page.getByTestId('tab-limits').click()
    const limits = page.getByTestId('time-limits')
    const townshipSign = limits.getByLabel('乡镇(街道) · 通用 · 签收时限（小时）')
    await expect.poll(() => townshipSign.inputValue(), { timeout: 10_000 }).toBe('8')
    const fireHandle = limits.getByLabel('网格 · 消防隐患 · 办理时限（小时）')
    expect(await fireHandle.inputValue()).toBe('48')
    writes.length = 0
    await townshipSign.fill('0')
    await fireHandle.fill('两天')
    await limits.getByRole('button', { name: '保存时限表' }).click()
    const refusals = page.getByTestId('limit-refusals')
    await expect.poll(() => refusals.textContent()).toContain('乡镇(街道) · 通用 · 签收时限：须大于0小时')
    expect(await refusals.textContent()).toContain('网格 · 消防隐患 · 办理时限：须为小时数')
    expect(await townshipSign.getAttribute('aria-invalid')).toBe('true')
    await page.screenshot({ path: join(screenshotDir(), 'admin-limits-refused-1080p.png') })
    expect(writes).toEqual([])
    await townshipSign.fill('6')
    await fireHandle.fill('36')
    expect(await townshipSign.getAttribute('aria-invalid')).toBe('false')
    // A kind set apart for one holder: both hours or neither (then the holder's own apply).
    await limits.getByLabel('另定时限的事项类别').selectOption('building')
    await limits.getByRole('button', { name: '添加类别' }).click()
    const buildingSign = limits.getByLabel('网格 · 房屋安全 · 签收时限（小时）')
    expect(await buildingSign.getAttribute('placeholder')).toBe('2')
    await buildingSign.fill('2')
    await limits.getByRole('button', { name: '保存时限表' }).click()
    await expect.poll(() => refusals.textContent()).toBe('网格 · 房屋安全 · 办理时限：必填')
    expect(writes).toEqual([])
    await limits.getByLabel('网格 · 房屋安全 · 办理时限（小时）').fill('24')
    await limits.getByRole('button', { name: '保存时限表' }).click()
    await expect.poll(() => limits.getByTestId('notice').textContent(), { timeout: 10_000 }).toContain('乡镇(街道) · 通用 签收 8→6 小时')
    expect(await limits.getByTestId('notice').textContent()).toContain('网格 · 消防隐患 办理 48→36 小时')
    expect(await limits.getByTestId('notice').textContent()).toContain('网格 · 房屋安全 新定 2/24 小时')
    expect(writes).toEqual(['PUT /api/v1/time-limits'])
    const rows = (await (await page.request.get(`${city.server.url}/api/v1/time-limits`)).json()) as { holder: string; kind: string | null; signHours: number; handleHours: number }[]
    expect(rows.find((r) => r.holder === 'township' && r.kind === null)).toMatchObject({ signHours: 6, handleHours: 168 })
    expect(rows.find((r) => r.holder === 'grid' && r.kind === 'fire')).toMatchObject({ signHours: 1, handleHours: 36 })
    expect(rows.filter((r) => r.kind === 'building')).toEqual([{ holder: 'grid', kind: 'building', signHours: 2, handleHours: 24 }])
    await page.screenshot({ path: join(screenshotDir(), 'admin-limits-1080p.png'), fullPage: true })
    // Read again, the table is the one saved.
    await page.reload()
    await expect.poll(() => page.getByTestId('time-limits').getByLabel('乡镇(街道) · 通用 · 签收时限（小时）').inputValue(), { timeout: 30_000 }).toBe('6')
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
