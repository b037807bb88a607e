import type { AddressInfo } from 'node:net'
import type { RequestHandler } from 'express'
import { createApp } from '../../server/src/app'
import type { Db } from '../../server/src/db/Db'
import { createLogger } from '../../server/src/log'

/** The real app on an ephemeral port over `db`; `stop` closes the server, not the store. */
export async function serve(db: Db, client?: RequestHandler): Promise<{ url: string; stop(): Promise<void> }> {
  const { http } = createApp({ db, log: createLogger('silent'), ...(client ? { client } : {}) })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve, reject) => http.close((err) => (err ? reject(err) : resolve()))),
  }
}
