import { pgDb } from './server/src/db/pgDb'
import { migrate } from './server/src/db/migrate'
import { seedCity } from './data/seedCity'
import { createLogger } from './server/src/log'
import { sqlFiles } from './server/src/db/sqlFiles'
const log = createLogger('silent')
const admin = pgDb('postgres://postgres@127.0.0.1:5432/postgres', log, 1)
await admin.exec('DROP DATABASE IF EXISTS prof WITH (FORCE)'); await admin.exec('CREATE DATABASE prof')
const db = pgDb('postgres://postgres@127.0.0.1:5432/prof', log, 20)
await migrate(db); await seedCity(db)
const sql = sqlFiles(['grid_ids_at', 'reserve_case_ids', 'case_summary', 'insert_history'])
const time = async (name: string, f: () => Promise<unknown>) => { for (let i = 0; i < 20; i++) await f(); const t = performance.now(); for (let i = 0; i < 200; i++) await f(); console.log(name.padEnd(20), ((performance.now() - t) / 200).toFixed(3), 'ms') }
await time('select 1', () => db.query('SELECT 1'))
await time('grid_ids_at', () => db.query(sql.grid_ids_at, [125.32, 46.4]))
await time('reserve id', () => db.query(sql.reserve_case_ids, [1]))
await time('case_summary', () => db.query(sql.case_summary, [5]))
await time('empty tx', () => db.transaction(async (tx) => { await tx.query('SELECT 1') }))
await time('tx insert history', () => db.transaction(async (tx) => { await tx.query(sql.insert_history, [5, 'supervise', 'platform', 'grid', new Date(), null, '']) }))
console.log(await db.query(`SHOW synchronous_commit`), await db.query(`SHOW fsync`))
await db.close(); await admin.exec('DROP DATABASE prof WITH (FORCE)'); await admin.close()
