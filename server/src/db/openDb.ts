import { mkdirSync } from 'node:fs'
import type { Db } from './Db'
import { pgDb } from './pgDb'
import { pgliteDb } from './pgliteDb'
import type { Logger } from '../log'

/** A real PostGIS server when `databaseUrl` is given, otherwise embedded PGlite persisted under `dataDir`. */
export async function openDb(config: { databaseUrl?: string | undefined; dataDir: string }, log: Logger): Promise<Db> {
  if (config.databaseUrl) return pgDb(config.databaseUrl, log)
  mkdirSync(config.dataDir, { recursive: true })
  return pgliteDb({ dataDir: config.dataDir })
}
