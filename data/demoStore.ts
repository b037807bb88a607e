import type { Config } from '../server/src/config'
import type { Db } from '../server/src/db/Db'
import { migrate } from '../server/src/db/migrate'
import { openDb } from '../server/src/db/openDb'
import type { Logger } from '../server/src/log'
import { cityIsEmpty, seedCity, type SeedReport } from './seedCity'

/** Opens the store, brings its schema up to date, and builds the demo city on a first start: the demo's store, as `npm start` opens it. */
export async function openDemoStore(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'seed'>, log: Logger): Promise<{ db: Db; seeded: SeedReport | null }> {
  const db = await openDb(config, log)
  try {
    const level = await migrate(db)
    log.info({ engine: db.engine, migration: level.version }, 'store ready')
    if (!(await cityIsEmpty(db))) return { db, seeded: null }
    log.info({ seed: config.seed }, 'empty store: building the demo city')
    const seeded = await seedCity(db, { seed: config.seed })
    log.info(seeded, 'demo city built')
    return { db, seeded }
  } catch (err) {
    await db.close()
    throw err
  }
}
