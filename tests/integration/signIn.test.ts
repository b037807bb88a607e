import { describe, expect, it } from 'vitest'
import { AuditEntry, IssuedKey, Me } from '../../contract'
import { DEMO_PASSWORD } from '../../data/demoAccounts'
import { as, call } from '../support/serve'
import { servedCity } from '../support/servedCity'

/** Short limits, so locking and unlocking fit in a test: 3 failures lock a name for 5 seconds. */
const city = servedCity({
  security: {
    signIn: { lockAfter: 3, windowMinutes: 15, lockMinutes: 5 / 60 },
    addresses: { windowMinutes: 15, slowAfter: 2, slowStepMs: 300, maxSlowMs: 1500, limit: 40 },
  },
})

/** A browser's cookie jar for one site: enough to carry a session between calls. */
function browser() {
  let cookie = ''
  const send = async (path: string, method = 'GET', body?: unknown, extra: Record<string, string> = {}) => {
    const res = await fetch(city.server.url + path, {
      method, headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extra },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const set = res.headers.getSetCookie().find((c) => c.startsWith('gridgov.sid='))
    if (set) cookie = set.split(';')[0]!
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as unknown, headers: res.headers, setCookie: set }
  }
  return { send, cookie: () => cookie }
}

const signIn = (b: ReturnType<typeof browser>, login: string, password: string) => b.send('/api/v1/session', 'POST', { login, password })

describe('signing in with a password', () => {
  it('opens a session behind an HttpOnly, SameSite cookie, and /me says who and where', async () => {
    const b = browser()
    const { status, setCookie } = await signIn(b, 'xinxing', DEMO_PASSWORD)
    expect(status).toBe(200)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const me = Me.parse((await b.send('/api/v1/me')).body)
    expect(me).toMatchObject({ login: 'xinxing', role: 'township_officer', scope: { region: '231281001000' }, scopeName: '新兴街道', via: 'session' })
    expect(me.csrfToken).toBeTruthy()
  })

  it('answers a wrong password and an unknown name alike, never saying which', async () => {
    const wrong = await signIn(browser(), 'leader', 'not-the-password')
    const unknown = await signIn(browser(), 'nobody-here', 'not-the-password')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(unknown.body).toEqual(wrong.body)
  })

  it('holds a write with the session cookie to its CSRF token', async () => {
    const b = browser()
    await signIn(b, 'leader', DEMO_PASSWORD)
    const { csrfToken } = Me.parse((await b.send('/api/v1/me')).body)
    const forged = await b.send('/api/v1/cases/1/escalate', 'POST', { reason: '督办' })
    expect(forged.status).toBe(403)
    expect(forged.body).toMatchObject({ code: 'csrf_failed' })
    const real = await b.send('/api/v1/cases/1/escalate', 'POST', { reason: '督办', expectedVersion: 999 }, { 'x-csrf-token': csrfToken! })
    expect(real.status).toBe(409)
  })

  it('ends the session on sign-out: the same cookie reads nothing after', async () => {
    const b = browser()
    await signIn(b, 'operator', DEMO_PASSWORD)
    const kept = b.cookie()
    const { csrfToken } = Me.parse((await b.send('/api/v1/me')).body)
    expect((await b.send('/api/v1/session', 'DELETE', undefined, { 'x-csrf-token': csrfToken! })).status).toBe(204)
    const after = await fetch(`${city.server.url}/api/v1/cases?limit=1`, { headers: { cookie: kept } })
    expect(after.status).toBe(401)
  })

  it('slows many wrong passwords, then locks the name; the right one works once the lock is over', async () => {
    const times: number[] = []
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      const t = performance.now()
      statuses.push((await signIn(browser(), 'analyst', `wrong-${i}`)).status)
      times.push(performance.now() - t)
    }
    expect(statuses).toEqual([401, 401, 429, 429])
    // The third and fourth failures from this address waited; the first did not.
    expect(times[3]! - times[0]!).toBeGreaterThan(500)
    const locked = await signIn(browser(), 'analyst', DEMO_PASSWORD)
    expect(locked.status).toBe(429)
    expect(locked.body).toMatchObject({ code: 'locked' })
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    await new Promise((r) => setTimeout(r, 5200))
    expect((await signIn(browser(), 'analyst', DEMO_PASSWORD)).status).toBe(200)
  })

  it('locks an unknown name the same way, so a lock does not tell that a name exists', async () => {
    for (let i = 0; i < 3; i++) await signIn(browser(), 'ghost', `wrong-${i}`)
    const ghost = await signIn(browser(), 'ghost', 'wrong-again')
    expect(ghost.status).toBe(429)
    expect(ghost.body).toMatchObject({ code: 'locked' })
  })

  it('records sign-ins, failures, sign-outs and writes in the audit log, for admins to read', async () => {
    await signIn(browser(), 'community', 'wrong-password')
    const { body } = await call(`${city.server.url}/api/v1/audit?limit=200`, 'GET', undefined, as.admin)
    const entries = AuditEntry.array().parse(body)
    const actions = new Set(entries.map((e) => e.action))
    for (const action of ['sign_in', 'sign_in_failed', 'sign_in_locked', 'sign_out']) expect(actions).toContain(action)
    expect(entries.find((e) => e.action === 'sign_in_failed' && e.subject === 'community')).toMatchObject({ actor: null, address: expect.stringContaining('127.0.0.1') })
    expect(entries.some((e) => e.action.startsWith('POST /api/v1/cases/1/escalate') && e.actor === 'leader')).toBe(true)
    const filtered = AuditEntry.array().parse((await call(`${city.server.url}/api/v1/audit?actor=xinxing`, 'GET', undefined, as.admin)).body)
    expect(filtered.length).toBeGreaterThan(0)
    expect(filtered.every((e) => e.actor === 'xinxing')).toBe(true)
  })
})

describe('API keys and accounts', () => {
  it('shows a new key once, signs in with it, and refuses it once revoked', async () => {
    const issued = IssuedKey.parse((await call(`${city.server.url}/api/v1/accounts/operator/keys`, 'POST', { label: '脚本' }, as.admin)).body)
    const withKey = { 'x-api-key': issued.key }
    expect((await call(`${city.server.url}/api/v1/me`, 'GET', undefined, withKey)).body).toMatchObject({ login: 'operator', via: 'key' })
    const listed = JSON.stringify((await call(`${city.server.url}/api/v1/accounts/operator`, 'GET', undefined, as.admin)).body)
    expect(listed).not.toContain(issued.key)
    expect((await call(`${city.server.url}/api/v1/accounts/operator/keys/${issued.id}`, 'DELETE', undefined, as.admin)).status).toBe(200)
    await new Promise((r) => setTimeout(r, 1100))
    expect((await call(`${city.server.url}/api/v1/me`, 'GET', undefined, withKey)).status).toBe(401)
  })

  it('refuses an account whose scope does not fit its role, naming the field', async () => {
    const { status, body } = await call(`${city.server.url}/api/v1/accounts`, 'POST',
      { login: 'misfit', displayName: '错配', role: 'township_officer', scope: { region: '231281001001' }, password: 'long-enough-1' }, as.admin)
    expect(status).toBe(400)
    expect(body).toMatchObject({ issues: [{ field: 'scope', reason: expect.stringContaining('township') }] })
  })

  it('ends every session of an account when it is disabled', async () => {
    await call(`${city.server.url}/api/v1/accounts`, 'POST',
      { login: 'temp', displayName: '临时', role: 'operator', scope: { region: '231281000000' }, password: 'long-enough-1' }, as.admin)
    const b = browser()
    expect((await signIn(b, 'temp', 'long-enough-1')).status).toBe(200)
    expect((await call(`${city.server.url}/api/v1/accounts/temp`, 'PATCH', { enabled: false }, as.admin)).status).toBe(200)
    expect((await b.send('/api/v1/me')).status).toBe(401)
    expect((await signIn(browser(), 'temp', 'long-enough-1')).status).toBe(401)
  })
})
