import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clientAssets } from '../../server/src/api/clientAssets'
import { CLIENT_DIST } from '../../server/src/clientBuild'
import { offMachineRequests, screenshotDir } from '../support/browser'
import { browserCity } from '../support/browserCity'
import { DESK } from '../support/browserSession'
import { as, call, serve } from '../support/serve'
import { pointInGrid } from '../support/servedCity'

const { city, browser } = browserCity()

describe('a wall display started from its kiosk address', () => {
  it('trades the key in its address for a session, drops the key from the address, and after a server restart is live again with nobody at it', async () => {
    const issued = await city.server.accounts.issueKey('wall', 'kiosk')
    const context = await browser().newContext({ viewport: DESK, deviceScaleFactor: 1 })
    const page = await context.newPage()
    const leaks = offMachineRequests(page)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    // Every address the page was at: the key may be in the first one only.
    const addresses: string[] = []
    page.on('framenavigated', (f) => f === page.mainFrame() && addresses.push(f.url()))
    await page.goto(`${city.server.url}/wall?key=${encodeURIComponent(issued.key)}&theme=cases`)

    const map = page.getByTestId('city-map')
    await expect.poll(() => map.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
    expect(page.url()).toBe(`${city.server.url}/wall?theme=cases`)
    expect(await page.evaluate(() => window.location.href)).not.toContain(issued.key)
    expect(addresses.slice(1).filter((a) => a.includes(issued.key))).toEqual([])
    // A kiosk has no one to sign out: no bar.
    expect(await page.getByTestId('signed-in').count()).toBe(0)
    // Signed in as the wall display by a session (the key was traded once), in the audit log too.
    const me = await page.request.get(`${city.server.url}/api/v1/me`)
    expect(await me.json()).toMatchObject({ login: 'wall', role: 'wall_display', via: 'session' })
    const [signedIn] = await city.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actor = 'wall' AND action = 'sign_in' AND subject = $1`, [`key ${issued.id}`])
    expect(signedIn!.n).toBe(1)
    await page.screenshot({ path: join(screenshotDir(), 'kiosk-first-frame-1080p.png') })

    // The server stops and starts again on the same port over the same store.
    const { port } = city.server
    await city.server.stop()
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('false')
    city.server = await serve(city.db, { port, client: clientAssets(CLIENT_DIST) })
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 15_000 }).toBe('true')
    const res = await call(`${city.server.url}/api/v1/cases`, 'POST', {
      category: 'hazard', kind: 'fire', source: 'grid_worker', location: await pointInGrid(city.db, '231281001001001'),
    }, as.dutyLeader)
    expect(res.status).toBe(201)
    const { code } = res.body as { code: string }
    await expect.poll(() => page.getByTestId('ticker').locator('li').first().textContent(), { timeout: 5000 }).toContain(code)
    expect(await page.getByTestId('sign-in-page').count()).toBe(0)

    // Switched off and on (the page loaded again): still signed in by its cookie, on the address without the key.
    await page.reload()
    await expect.poll(() => map.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true')
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 10_000 }).toBe('true')
    expect(errors).toEqual([])
    expect(leaks).toEqual([])
    await context.close()
  })

  it('says so when the key in its address is refused, and drops it from the address', async () => {
    const context = await browser().newContext({ viewport: DESK, deviceScaleFactor: 1 })
    const page = await context.newPage()
    await page.goto(`${city.server.url}/wall?key=gk_not-a-key-at-all`)
    await page.getByTestId('sign-in-page').waitFor({ timeout: 30_000 })
    await expect.poll(() => page.getByTestId('sign-in-error').textContent(), { timeout: 5000 }).toContain('大屏显示密钥无效')
    expect(page.url()).toBe(`${city.server.url}/wall`)
    await context.close()
  })

  it('shows the sign-in page when its account is disabled: the server ends the wall’s session and closes its live stream', async () => {
    const issued = await city.server.accounts.issueKey('wall', 'kiosk 2')
    const context = await browser().newContext({ viewport: DESK, deviceScaleFactor: 1 })
    const page = await context.newPage()
    await page.goto(`${city.server.url}/wall?key=${encodeURIComponent(issued.key)}`)
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-live'), { timeout: 60_000 }).toBe('true')
    // Disabling the account ends every session of it: the socket is closed by the server and the page asks to
    // sign in at once (not on its next read, nor its socket's next try, both seconds away).
    await city.server.accounts.update('wall', { enabled: false })
    try {
      await page.getByTestId('sign-in-page').waitFor({ timeout: 4000 })
    } finally {
      await city.server.accounts.update('wall', { enabled: true })
    }
    await context.close()
  })
})
