import type { AddressInfo } from 'node:net'
import type { RequestHandler } from 'express'
import { DEMO_TOKENS } from '../../server/src/api/auth'
import { type App, createApp } from '../../server/src/app'
import { type Clock, systemClock } from '../../server/src/clock'
import type { Db } from '../../server/src/db/Db'
import type { HubOptions } from '../../server/src/live/hub'
import { createLogger } from '../../server/src/log'

/** Bearer headers for the demo tokens, by role. */
export const as = {
  operator: { authorization: 'Bearer demo-operator' },
  gridWorker: { authorization: 'Bearer demo-grid-worker' },
  dutyLeader: { authorization: 'Bearer demo-duty-leader' },
  analyst: { authorization: 'Bearer demo-analyst' },
  simulator: { authorization: 'Bearer demo-simulator' },
} as const

export type Served = App & { url: string; port: number; stop(): Promise<void> }

/** The real app on a port (0: any free one) over `db`; `stop` closes the server and the stream, not the store. */
export async function serve(
  db: Db,
  options: { client?: RequestHandler; clock?: Clock; port?: number; live?: Partial<HubOptions> } = {},
): Promise<Served> {
  const app = await createApp({
    db, log: createLogger('silent'), clock: options.clock ?? systemClock, tokens: DEMO_TOKENS,
    ...(options.client ? { client: options.client } : {}), ...(options.live ? { live: options.live } : {}),
  })
  await new Promise<void>((resolve) => app.http.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = app.http.address() as AddressInfo
  return { ...app, url: `http://127.0.0.1:${port}`, port, stop: () => app.hub.close() }
}

/** JSON request helper: status and parsed body. */
export async function call(url: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as unknown }
}
