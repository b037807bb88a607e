import { ensureClientBuilt } from '../server/src/clientBuild'
import { foundationBench, type Row } from './foundation'
import { liveBench } from './live'

/**
 * `npm run bench [-- foundation|live]`: every benchmark (or the one named), each measure beside its
 * baseline from the same run, as one table.
 */
const only = process.argv[2]
await ensureClientBuilt()
const rows: Row[] = only === 'live' ? [] : await foundationBench()
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
if (only !== 'foundation') {
  rows.push(...(await liveBench('pglite')))
  if (pgUrl) rows.push(...(await liveBench('pg', pgUrl)))
}
const header: Row = { measure: 'measure', engine: 'engine', value: 'value', baseline: 'baseline (same run)' }
const table = [header, ...rows]
const width = (k: keyof Row) => Math.max(...table.map((r) => (r[k] ?? '').length))
const line = (r: Row) => `| ${(['measure', 'engine', 'value', 'baseline'] as const).map((k) => (r[k] ?? '').padEnd(width(k))).join(' | ')} |`
process.stdout.write(`\n${line(header)}\n|${(['measure', 'engine', 'value', 'baseline'] as const).map((k) => '-'.repeat(width(k) + 2)).join('|')}|\n`)
for (const r of rows) process.stdout.write(`${line(r)}\n`)
process.stdout.write(`\n${new Date().toISOString()} · node ${process.version} · ${process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ? 'with' : 'without'} a PostGIS server\n`)
