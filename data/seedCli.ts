import { parseArgs } from 'node:util'
import { readConfig } from '../server/src/config'
import { migrate } from '../server/src/db/migrate'
import { openDb } from '../server/src/db/openDb'
import { createLogger } from '../server/src/log'
import { cityIsEmpty, seedCity } from './seedCity'

/** `npm run seed [-- --reset] [-- --seed NAME]`: builds the demo city in the configured store. */
const { values } = parseArgs({ options: { reset: { type: 'boolean', default: false }, seed: { type: 'string' } } })
const config = readConfig()
const log = createLogger(config.logLevel)
const db = await openDb(config, log)
try {
  await migrate(db)
  if (!values.reset && !(await cityIsEmpty(db))) {
    process.stdout.write('the store already holds a city; run with --reset to rebuild it\n')
    process.exitCode = 1
  } else {
    const report = await seedCity(db, { seed: values.seed ?? config.seed, replace: values.reset })
    process.stdout.write(`${JSON.stringify(report)}\n`)
  }
} finally {
  await db.close()
}
