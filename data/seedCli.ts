import { parseArgs } from 'node:util'
import { readConfig } from '../server/src/config'
import { migrate } from '../server/src/db/migrate'
import { openDb } from '../server/src/db/openDb'
import { createLogger } from '../server/src/log'
import { cityIsEmpty, seedCity } from './seedCity'
import { DEFAULT_PROVINCE_SEED, seedProvince } from './seedProvince'

/**
 * `npm run seed [-- --reset] [-- --seed NAME]`: builds the demo city in the configured store.
 * `npm run seed -- --province [--scale 0..1]`: a generated province at Guizhou's counts instead (scale 1, for a
 * PostGIS server: about ten minutes), or a smaller one with every level.
 */
const { values } = parseArgs({
  options: { reset: { type: 'boolean', default: false }, seed: { type: 'string' }, province: { type: 'boolean', default: false }, scale: { type: 'string' } },
})
const scale = values.scale === undefined ? 1 : Number(values.scale)
if (values.scale !== undefined && !values.province) throw new Error('--scale is for --province')
if (!(scale >= 0 && scale <= 1)) throw new Error(`--scale must be a number within 0..1, not ${values.scale}`)
const config = readConfig()
const log = createLogger(config.logLevel)
const db = await openDb(config, log)
try {
  await migrate(db)
  if (!values.reset && !(await cityIsEmpty(db))) {
    process.stdout.write('the store already holds a city or a province; run with --reset to rebuild it\n')
    process.exitCode = 1
  } else {
    const report = values.province
      ? await seedProvince(db, { seed: values.seed ?? DEFAULT_PROVINCE_SEED, scale, replace: values.reset })
      : await seedCity(db, { seed: values.seed ?? config.seed, replace: values.reset })
    process.stdout.write(`${JSON.stringify(report)}\n`)
  }
} finally {
  await db.close()
}
