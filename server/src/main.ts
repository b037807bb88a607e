import type { AddressInfo } from 'node:net'
import type { RequestHandler } from 'express'
import { clientAssets } from './api/clientAssets'
import { CLIENT_DIST } from './clientBuild'
import { createApp } from './app'
import { readConfig } from './config'
import { openStore } from './db/openStore'
import { createLogger } from './log'

/** Reads the environment, opens the store, listens. `client` overrides the built client (dev mode). */
export async function main(client?: RequestHandler): Promise<void> {
  const config = readConfig()
  const log = createLogger(config.logLevel)
  const started = performance.now()
  const { db } = await openStore(config, log)
  const { http } = createApp({ db, log, client: client ?? clientAssets(CLIENT_DIST) })
  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve))
  const { port } = http.address() as AddressInfo
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host
  log.info({ ms: Math.round(performance.now() - started), engine: db.engine }, 'serving')
  process.stdout.write(`\n  城市社会治理指挥中心 · command centre\n  Map:    http://${host}:${port}/\n  Health: http://${host}:${port}/api/health\n\n`)

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping')
    http.close()
    await db.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
    process.exit(1)
  })
}
