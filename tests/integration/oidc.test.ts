import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/Db'
import { freePort, OIDC_CLIENT, type RunningOidcProvider, signInThrough, startOidcProvider } from '../support/oidcProvider'
import { serve, type Served } from '../support/serve'
import { seededDb } from '../support/testDb'

const NAME = '政务服务统一身份认证'
const FAILED = '/signin?error=oidc'

let db: Db
let provider: RunningOidcProvider
let server: Served

// The provider must know the app's redirect URI, and the app the provider's issuer. The provider listens
// first; the app's port is then probed and taken, and probed again if another test took it in between
// (a probed port is free only at that moment: CI once lost this race).
async function serveAt(issuer: string): Promise<{ served: Served; redirectUri: string }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const redirectUri = `http://127.0.0.1:${port}/auth/oidc/callback`
    try {
      const served = await serve(db, {
        port,
        security: { oidc: { issuer, ...OIDC_CLIENT, redirectUri, loginClaim: 'preferred_username', name: NAME } },
      })
      return { served, redirectUri }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt === 5) throw error
    }
  }
}

beforeAll(async () => {
  db = await seededDb()
  provider = await startOidcProvider()
  const { served, redirectUri } = await serveAt(provider.issuer)
  server = served
  provider.admit(redirectUri)
  await server.accounts.add({ login: 'zhangsan', displayName: '张三', role: 'township_officer', scope: { region: '231281001000' }, password: undefined })
})
afterAll(async () => {
  await server?.stop()
  await provider?.stop()
  await db?.close()
})

const me = (cookie: string) => fetch(`${server.url}/api/v1/me`, { headers: cookie ? { cookie } : {} })

/** The newest audit entry with `action` and `subject`, once written (the log is written after the answer). */
const audited = (action: string, subject: string) =>
  expect.poll(async () => (await server.audit.list({ limit: 10 })).find((e) => e.action === action && e.subject === subject), { timeout: 5000 })

describe('signing in through an OpenID Connect provider', () => {
  it('signs in an account the provider vouches for, with our role and scope, and goes back where it started', async () => {
    const { res, location, cookie } = await signInThrough(server.url, 'zhangsan', { returnTo: '/drill' })
    expect(res.status).toBe(302)
    expect(location).toBe('/drill')
    const answer = await me(cookie)
    expect(answer.status).toBe(200)
    expect(await answer.json()).toMatchObject({ login: 'zhangsan', role: 'township_officer', scope: { region: '231281001000' }, via: 'session', csrfToken: expect.any(String) })
    await audited('sign_in', 'oidc').toMatchObject({ actor: 'zhangsan', role: 'township_officer', status: 302 })
  })

  it('signs nobody in for a name no account here has', async () => {
    const { res, location, cookie } = await signInThrough(server.url, 'stranger')
    expect(res.status).toBe(302)
    expect(location).toBe(FAILED)
    expect((await me(cookie)).status).toBe(401)
    await audited('sign_in_failed', 'oidc stranger').toMatchObject({ actor: null, role: null, status: 302 })
  })

  it('refuses a callback whose state was tampered with, and the untampered one after it (a callback is used once)', async () => {
    let genuine = ''
    const { location, cookie, browser } = await signInThrough(server.url, 'zhangsan', {
      beforeCallback: (callback) => {
        genuine = callback.href
        callback.searchParams.set('state', 'not-the-state')
      },
    })
    expect(location).toBe(FAILED)
    expect((await me(cookie)).status).toBe(401)
    const replay = await browser.request(new URL(genuine))
    expect(replay.headers.get('location')).toBe(FAILED)
    expect((await me(browser.cookieFor(server.url))).status).toBe(401)
    await audited('sign_in_failed', 'oidc').toMatchObject({ actor: null, status: 302 })
  })

  it('goes back to / when returnTo is not a path on this site', async () => {
    for (const returnTo of ['//evil.example/drill', 'https://evil.example/', '/\\evil.example']) {
      const { location } = await signInThrough(server.url, 'zhangsan', { returnTo })
      expect(location, returnTo).toBe('/')
    }
  })

  it('refuses a start with a parameter it does not know', async () => {
    const res = await fetch(`${server.url}/auth/oidc/start?next=/drill`, { redirect: 'manual' })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ code: 'invalid_query' })
  })

  it('is offered on the sign-in page under its name', async () => {
    const res = await fetch(`${server.url}/api/v1/session/options`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ password: true, oidc: { name: NAME } })
  })
})
