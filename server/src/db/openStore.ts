import { cityIsEmpty, seedCity, type SeedReport } from '../../../data/seedCity'
import type { Config } from '../config'
import type { Logger } from '../log'
import type { Db } from './Db'
import { migrate } from './migrate'
import { openDb } from './openDb'

/** Opens the store, brings its schema up to date, and builds the demo city on a first start. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'seed'>, log: Logger): Promise<{ db: Db; seeded: SeedReport | null }> {
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
