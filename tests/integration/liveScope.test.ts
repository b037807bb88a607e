import { io, type Socket } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import { type Change, IssuedKey, PROTOCOL_VERSION } from '../../contract'
import { DEMO_PASSWORD } from '../../data/demoAccounts'
import { until } from '../support/live'
import { as, call, testKey } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

const city = servedCity()
const TOWNSHIP = '231281001000'
const sockets: Socket[] = []
afterEach(() => {
  for (const s of sockets.splice(0)) s.close()
})

/** A socket as a script opens it (an API key in the handshake) or as a screen does (its session cookie). */
function open(rooms: string[], credential: { key: string } | { cookie: string }): Socket {
  const s = io(city.server.url, {
    transports: ['websocket'], reconnection: false,
    auth: { protocol: PROTOCOL_VERSION, rooms, ...('key' in credential ? { key: credential.key } : {}) },
    ...('cookie' in credential ? { extraHeaders: { cookie: credential.cookie } } : {}),
  })
  sockets.push(s)
  return s
}

const refusal = (s: Socket) => new Promise<string>((resolve) => s.once('connect_error', (err) => resolve(err.message)))
const connected = (s: Socket) => new Promise<void>((resolve, reject) => {
  s.once('live:hello', () => resolve())
  s.once('connect_error', reject)
})

async function report(grid: string): Promise<number> {
  const { status, body } = await call(`${city.server.url}/api/v1/cases`, 'POST',
    { category: 'hazard', kind: 'fire', source: 'police_110', location: await pointInGrid(city.db, grid) }, as.dutyLeader)
  expect(status).toBe(201)
  return (body as { id: number }).id
}

describe('the live stream holds each socket to its scope', () => {
  it('refuses a socket without a credential, and rooms outside the scope', async () => {
    expect(await refusal(open(['city'], { key: 'gk_nonsense' }))).toMatch(/^unauthenticated/)
    expect(await refusal(open(['city'], { key: testKey('xinxing') }))).toMatch(/^forbidden: city/)
    expect(await refusal(open(['township:231281002000'], { key: testKey('xinxing') }))).toMatch(/^forbidden/)
  })

  it("never sends a township officer another township's change", async () => {
    const officer = open([`township:${TOWNSHIP}`], { key: testKey('xinxing') })
    const seen: Change[] = []
    officer.on('live:changes', (changes: Change[]) => seen.push(...changes))
    await connected(officer)
    const [other] = await city.db.query<{ code: string }>(`SELECT code FROM grids WHERE valid_to IS NULL AND code NOT LIKE '231281001%' ORDER BY code LIMIT 1`)
    const outside = await report(other!.code)
    const inside = await report('231281001002001')
    await until(() => seen.some((c) => c.entity === 'case' && c.data.id === inside), 'the case inside the township')
    expect(seen.some((c) => c.entity === 'case' && c.data.id === outside)).toBe(false)
    expect(seen.every((c) => (c.entity === 'patrols' ? c.data.units.every((u) => u.townshipCode === TOWNSHIP) : c.data.townshipCode === TOWNSHIP))).toBe(true)
  })

  it("cuts a disabled account's socket within a second", async () => {
    await call(`${city.server.url}/api/v1/accounts`, 'POST',
      { login: 'seat9', displayName: '值守席 9', role: 'operator', scope: { region: '231281000000' }, password: 'long-enough-9' }, as.admin)
    const key = IssuedKey.parse((await call(`${city.server.url}/api/v1/accounts/seat9/keys`, 'POST', { label: 'script' }, as.admin)).body)
    const socket = open(['city'], { key: key.key })
    await connected(socket)
    const cut = new Promise<number>((resolve) => socket.once('disconnect', () => resolve(performance.now())))
    const t = performance.now()
    expect((await call(`${city.server.url}/api/v1/accounts/seat9`, 'PATCH', { enabled: false }, as.admin)).status).toBe(200)
    expect((await cut) - t).toBeLessThan(1000)
  })

  it('cuts a session socket when its session signs out, and one disabled from another process within a second', async () => {
    const signIn = await fetch(`${city.server.url}/api/v1/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'community', password: DEMO_PASSWORD }),
    })
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!
    const { csrfToken } = (await signIn.json()) as { csrfToken: string }
    const screen = open(['community:231281001001'], { cookie })
    await connected(screen)
    const cut = new Promise<void>((resolve) => screen.once('disconnect', () => resolve()))
    await fetch(`${city.server.url}/api/v1/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } })
    await cut

    // What the accounts command line does from its own process: the store changes, this server is not told.
    const other = open(['grid:231281001001001'], { key: testKey('grid') })
    await connected(other)
    const gone = new Promise<number>((resolve) => other.once('disconnect', () => resolve(performance.now())))
    const t = performance.now()
    await city.db.query(`UPDATE accounts SET enabled = false WHERE login = 'grid'`)
    expect((await gone) - t).toBeLessThan(1500)
    await city.db.query(`UPDATE accounts SET enabled = true WHERE login = 'grid'`)
  })
})
