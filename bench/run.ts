import { ensureClientBuilt } from '../server/src/clientBuild'
import { deskBench } from './desk'
import { drillBench } from './drill'
import { editorBench } from './editor'
import { faultsBench } from './faults'
import { foundationBench, type Row } from './foundation'
import { liveBench } from './live'
import { placesBench } from './places'
import { provinceBench } from './province'
import { reportBench } from './report'
import { similarBench } from './similar'
import { tilesBench } from './tiles'
import { wallBench } from './wall'
import { workersBench } from './workers'

/**
 * `npm run bench [-- foundation|live|wall|drill|desk|editor|faults|places|similar|report|tiles|province|processes]`: every benchmark (or the one named), each measure
 * beside its baseline from the same run, as one table. The wall's and the address search's run on the PostGIS server
 * when one is named (the wall measures the browser, not the store), else on the embedded engine. The province's runs
 * only when named (it seeds Guizhou's 134,500 grids: about ten minutes), on the PostGIS server; so does the processes' (the
 * same province, then 1, 2 and 4 server processes each held for five minutes under its workforce's fixes).
 */
const only = process.argv[2]
const runs = (part: string) => only === undefined || only === part
// The address search reads the store alone; every other part serves the client.
if (only !== 'places' && only !== 'similar' && only !== 'report' && only !== 'tiles') await ensureClientBuilt()
const rows: Row[] = runs('foundation') ? await foundationBench() : []
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
if (runs('live')) {
  rows.push(...(await liveBench('pglite')))
  if (pgUrl) rows.push(...(await liveBench('pg', pgUrl)))
}
if (runs('wall')) rows.push(...(await (pgUrl ? wallBench('pg', pgUrl) : wallBench('pglite'))))
if (runs('drill')) {
  rows.push(...(await drillBench('pglite')))
  if (pgUrl) rows.push(...(await drillBench('pg', pgUrl)))
}
if (runs('desk')) {
  // The inbox and actions are judged on a PostGIS server; the embedded engine is one process's own store.
  if (pgUrl) rows.push(...(await deskBench(pgUrl)))
  else process.stderr.write('bench desk: skipped, it needs BENCH_DATABASE_URL (a PostGIS server)\n')
}
if (runs('editor')) {
  rows.push(...(await editorBench('pglite')))
  if (pgUrl) rows.push(...(await editorBench('pg', pgUrl)))
}
if (runs('faults')) rows.push(...(await faultsBench()))
if (runs('places')) rows.push(...(await placesBench(pgUrl)))
if (runs('similar')) rows.push(...(await similarBench(pgUrl)))
if (runs('report')) rows.push(...(await reportBench(pgUrl ? 'pg' : 'pglite')))
if (runs('tiles')) rows.push(...(await tilesBench()))
if (only === 'province') {
  if (pgUrl) rows.push(...(await provinceBench(pgUrl)))
  else process.stderr.write('bench province: skipped, it needs BENCH_DATABASE_URL (a PostGIS server)\n')
}
if (only === 'processes') {
  // Several server processes reach one another through Redis (REDIS_URL, or the machine's own).
  if (pgUrl) rows.push(...(await workersBench(pgUrl, process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')))
  else process.stderr.write('bench processes: skipped, it needs BENCH_DATABASE_URL (a PostGIS server)\n')
}
const header: Row = { measure: 'measure', engine: 'engine', value: 'value', baseline: 'baseline (same run)' }
const table = [header, ...rows]
const width = (k: keyof Row) => Math.max(...table.map((r) => (r[k] ?? '').length))
const line = (r: Row) => `| ${(['measure', 'engine', 'value', 'baseline'] as const).map((k) => (r[k] ?? '').padEnd(width(k))).join(' | ')} |`
process.stdout.write(`\n${line(header)}\n|${(['measure', 'engine', 'value', 'baseline'] as const).map((k) => '-'.repeat(width(k) + 2)).join('|')}|\n`)
for (const r of rows) process.stdout.write(`${line(r)}\n`)
process.stdout.write(`\n${new Date().toISOString()} · node ${process.version} · ${process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ? 'with' : 'without'} a PostGIS server\n`)
