import { readFileSync } from 'node:fs'
import { inject } from 'vitest'
import type { Db } from '../../server/src/db/Db'
import { loadMigrations, migrate } from '../../server/src/db/migrate'
import { pgDb } from '../../server/src/db/pgDb'
import { pgliteDb } from '../../server/src/db/pgliteDb'
import { createLogger } from '../../server/src/log'
import { adminUrl, databaseUrl, uniqueName } from './pgAdmin'

export const engine = (process.env.TEST_ENGINE ?? 'pglite') as Db['engine']
const log = createLogger('silent')

/** A pg database of this test file's own (a copy of `template` if given): its URL, and how to drop it. */
export async function ownPgDatabase(template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = uniqueName('file')
  const admin = pgDb(adminUrl(), log, 1)
  await admin.exec(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`)
  return {
    url: databaseUrl(name),
    async drop() {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.close()
    },
  }
}

/** A store on a database of this test file's own, dropped by `close`. */
async function ownPgDb(template?: string): Promise<Db & { url: string }> {
  const { url, drop } = await ownPgDatabase(template)
  const db = pgDb(url, log)
  return {
    ...db,
    url,
    async close() {
      await db.close()
      await drop()
    },
  }
}

/** A store holding the demo city as seeded at SEEDED_AT, this test file's own to change; `url` on pg. */
export async function seededDb(): Promise<Db & { url?: string }> {
  if (engine === 'pg') return ownPgDb(inject('seededDatabase'))
  return pgliteDb({ loadDataDir: new Blob([readFileSync(inject('seededDump'))]) })
}

/** A migrated store with no city in it; with `upTo`, migrated only that far (an older version's store). */
export async function emptyDb(upTo?: number): Promise<Db> {
  const db = engine === 'pg' ? await ownPgDb() : await pgliteDb({ dataDir: 'memory://' })
  await migrate(db, loadMigrations().filter((m) => upTo === undefined || m.version <= upTo))
  return db
}
