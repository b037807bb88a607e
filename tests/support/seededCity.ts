import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { seedCity } from '../../data/seedCity'
import { migrate } from '../../server/src/db/migrate'
import { pgDb } from '../../server/src/db/pgDb'
import { pgliteDb } from '../../server/src/db/pgliteDb'
import { createLogger } from '../../server/src/log'
import { adminUrl, databaseUrl, uniqueName } from './pgAdmin'

/** The instant every test city is seeded at, so case times are the same in every run. */
export const SEEDED_AT = '2026-11-23T02:00:00.000Z'

declare module 'vitest' {
  export interface ProvidedContext {
    /** pglite: path of a gzipped data directory holding the seeded city. */
    seededDump: string
    /** pg: name of a database holding the seeded city, to be used as a template. */
    seededDatabase: string
  }
}

/**
 * Builds the demo city once per test run and engine: a PGlite dump each test file starts from, or a
 * PostgreSQL database each test file clones. Dropped when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = createLogger('silent')
  const now = new Date(SEEDED_AT)
  // A project's `env` reaches its test workers, not this main process: read it from the project.
  if (project.config.env?.TEST_ENGINE === 'pg') {
    const name = uniqueName('seeded')
    const admin = pgDb(adminUrl(), log, 1)
    await admin.exec(`CREATE DATABASE ${name}`)
    const db = pgDb(databaseUrl(name), log)
    await migrate(db)
    await seedCity(db, { now })
    await db.close()
    project.provide('seededDatabase', name)
    project.provide('seededDump', '')
    return async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.close()
    }
  }
  const db = await pgliteDb({ dataDir: 'memory://' })
  await migrate(db)
  await seedCity(db, { now })
  const dump = await (db as typeof db & { dump(): Promise<Blob> }).dump()
  await db.close()
  const dir = mkdtempSync(join(tmpdir(), 'gridgov-seeded-'))
  const path = join(dir, 'city.tar.gz')
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()))
  project.provide('seededDump', path)
  project.provide('seededDatabase', '')
  return async () => rmSync(dir, { recursive: true, force: true })
}
