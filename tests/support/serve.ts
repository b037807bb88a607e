import type { AddressInfo } from 'node:net'
import type { RequestHandler } from 'express'
import { ensureDemoAccounts } from '../../data/demoAccounts'
import { hashKey, keyPrefix } from '../../server/src/accounts/keys'
import { type App, createApp, type SecuritySettings } from '../../server/src/app'
import { type Clock, systemClock } from '../../server/src/clock'
import type { Db } from '../../server/src/db/Db'
import type { HubOptions } from '../../server/src/live/hub'
import { createLogger } from '../../server/src/log'

/** The demo accounts' logins by the name tests call them. */
export const LOGINS = {
  operator: 'operator', gridWorker: 'grid', communityOfficer: 'community', townshipOfficer: 'xinxing', departmentOfficer: 'sifasuo',
  bureauOfficer: 'zhujian', dutyLeader: 'leader', analyst: 'analyst', admin: 'admin', wall: 'wall', simulator: 'simulator',
} as const
export type Who = keyof typeof LOGINS

/** The API key each demo account has in a served test city: known, so a test file and its workers agree on it. */
export const testKey = (login: string) => `gk_test-${login}-0123456789abcdef`

/** Bearer headers of the demo accounts' test keys, by who. */
export const as = Object.fromEntries(Object.entries(LOGINS).map(([who, login]) => [who, { authorization: `Bearer ${testKey(login)}` }])) as Record<Who, { authorization: string }>

export type Served = App & { url: string; port: number; stop(): Promise<void> }

/** Gives every demo account its test key (once: the key's hash is unique). */
export async function giveTestKeys(db: Db): Promise<void> {
  for (const login of Object.values(LOGINS)) {
    await db.query(
      `INSERT INTO api_keys (account_id, prefix, hash, label) SELECT id, $2, $3, 'test' FROM accounts WHERE login = $1 ON CONFLICT (hash) DO NOTHING`,
      [login, keyPrefix(testKey(login)), hashKey(testKey(login))])
  }
}

/**
 * The real app on a port (0: any free one) over `db`, with the demo accounts and their test keys (not with
 * `demoAccounts: false`: a store that is not the demo city has none of their areas); `stop` closes the server
 * and the stream, not the store.
 */
export async function serve(
  db: Db,
  options: {
    client?: RequestHandler; clock?: Clock; port?: number; live?: Partial<HubOptions>; security?: Partial<SecuritySettings>; demoAccounts?: boolean
    geoJsonMaxGrids?: number
  } = {},
): Promise<Served> {
  const app = await createApp({
    db, log: createLogger('silent'), clock: options.clock ?? systemClock,
    ...(options.client ? { client: options.client } : {}), ...(options.live ? { live: options.live } : {}),
    ...(options.security ? { security: options.security } : {}),
    ...(options.geoJsonMaxGrids ? { geoJsonMaxGrids: options.geoJsonMaxGrids } : {}),
  })
  if (options.demoAccounts !== false) {
    await ensureDemoAccounts(app.accounts)
    await giveTestKeys(db)
  }
  try {
    await new Promise<void>((resolve, reject) => {
      app.http.once('error', reject)
      app.http.listen(options.port ?? 0, '127.0.0.1', () => {
        app.http.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    await app.hub.close()
    throw error
  }
  const { port } = app.http.address() as AddressInfo
  return { ...app, url: `http://127.0.0.1:${port}`, port, stop: () => app.hub.close().then(app.audit.flush) }
}

/** JSON request helper: status and parsed body (null for a body that is not JSON). */
export async function call(url: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  // JSON bodies parsed; anything else (a tile, a spreadsheet) is not this helper's to read, only its status.
  if (!/json/.test(res.headers.get('content-type') ?? '')) {
    await res.arrayBuffer()
    return { status: res.status, body: null as unknown }
  }
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as unknown }
}
