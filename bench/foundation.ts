import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { createRng } from '../data/city/rng'
import { seedCity } from '../data/seedCity'
import { gridAt } from '../server/src/db/cityQueries'
import type { Db } from '../server/src/db/Db'
import { migrate } from '../server/src/db/migrate'
import { pgDb } from '../server/src/db/pgDb'
import { pgliteDb } from '../server/src/db/pgliteDb'
import { createLogger } from '../server/src/log'
import { median } from './stats'

const ROOT = join(import.meta.dirname, '..')
const log = createLogger('silent')
export type Row = { measure: string; engine: string; value: string; baseline?: string }

type Engine = { name: Db['engine']; open(): Promise<{ db: Db; drop(): Promise<void> }> }

/** The embedded engine always; a PostGIS server too when BENCH_DATABASE_URL or TEST_DATABASE_URL names one. */
export function benchEngines(): Engine[] {
  const engines: Engine[] = [{
    name: 'pglite',
    open: async () => {
      const db = await pgliteDb({ dataDir: 'memory://' })
      return { db, drop: () => db.close() }
    },
  }]
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
  if (pgUrl) {
    engines.push({
      name: 'pg',
      open: async () => {
        const name = `gridgov_bench_${process.pid}_${Math.floor(Math.random() * 1e6)}`
        const admin = pgDb(pgUrl, log, 1)
        await admin.exec(`CREATE DATABASE ${name}`)
        const url = new URL(pgUrl)
        url.pathname = `/${name}`
        const db = pgDb(url.toString(), log, 20)
        return { db, drop: async () => { await db.close(); await admin.exec(`DROP DATABASE ${name} WITH (FORCE)`); await admin.close() } }
      },
    })
  }
  return engines
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 3 : 0)} ms`

/** Starts `npm start`'s entry with a data dir, returns ms until /api/health answers, and a stop function. */
async function timeStart(env: NodeJS.ProcessEnv, port: number): Promise<{ ms: number; stop(): Promise<void> }> {
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/start.ts'], {
    cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'ignore',
  })
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)
    if (ok) break
    await new Promise((r) => setTimeout(r, 100))
  }
  const elapsed = performance.now() - started
  return {
    ms: elapsed,
    stop: () => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM') }),
  }
}

/** Median lookup time over 1,000 random points in the city's box: the API's query against a bare ST_Covers. */
async function lookups(db: Db): Promise<{ api: number; bare: number; hits: number }> {
  const rng = createRng('bench-points')
  const points = Array.from({ length: 1000 }, () => [rng.range(124.95, 125.7), rng.range(46.05, 46.75)] as const)
  const bareSql = `SELECT id FROM grids WHERE valid_to IS NULL AND ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) LIMIT 1`
  for (const [lon, lat] of points.slice(0, 50)) await gridAt(db, lon, lat)
  const api: number[] = []
  const bare: number[] = []
  let hits = 0
  for (const [lon, lat] of points) {
    let t = performance.now()
    if (await gridAt(db, lon, lat)) hits++
    api.push(performance.now() - t)
    t = performance.now()
    await db.query(bareSql, [lon, lat])
    bare.push(performance.now() - t)
  }
  return { api: median(api), bare: median(bare), hits }
}

export async function foundationBench(): Promise<Row[]> {
  const rows: Row[] = []
  const engines = benchEngines()
  for (const engine of engines) {
    const { db, drop } = await engine.open()
    await migrate(db)
    const seeded = await seedCity(db)
    rows.push({ measure: 'seeding the demo city', engine: engine.name, value: ms(seeded.ms) })
    const l = await lookups(db)
    rows.push({ measure: `grid at a point, median of 1,000 (${l.hits} inside)`, engine: engine.name, value: ms(l.api), baseline: `${ms(l.bare)} bare ST_Covers` })
    await drop()
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'gridgov-bench-'))
  try {
    const port = 18_000 + (process.pid % 1000)
    const first = await timeStart({ DATA_DIR: dataDir, DATABASE_URL: '' }, port)
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/grids`)
    const body = Buffer.from(await res.arrayBuffer())
    await first.stop()
    const again = await timeStart({ DATA_DIR: dataDir, DATABASE_URL: '' }, port)
    await again.stop()
    rows.push({ measure: 'npm start → served, first run (with seeding)', engine: 'pglite', value: ms(first.ms) })
    rows.push({ measure: 'npm start → served, restart', engine: 'pglite', value: ms(again.ms) })
    rows.push({
      measure: 'grid GeoJSON, whole city', engine: 'pglite',
      value: `${(body.length / 1024).toFixed(0)} KiB`, baseline: `${(gzipSync(body).length / 1024).toFixed(0)} KiB gzipped`,
    })
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
  return rows
}
