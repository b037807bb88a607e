import { join } from 'node:path'
import { SIMILAR_DAYS, SIMILAR_METRES } from '../contract'
import { createRng } from '../data/city/rng'
import { seedCity } from '../data/seedCity'
import { migrate } from '../server/src/db/migrate'
import { sqlFiles } from '../server/src/db/sqlFiles'
import { benchEngines, type Row } from './foundation'
import { median, p95, timed } from './stats'

const PROBES = 200
const WARM_UP = 20
const sql = sqlFiles(['similar_cases'])
const bareSql = sqlFiles(['similar_bare'], join(import.meta.dirname, 'sql'))
const both = (xs: number[]) => `${median(xs).toFixed(1)} / ${p95(xs).toFixed(1)} ms`

/**
 * Duplicate suggestions (issue 18) on the seeded city's year of cases: 200 calls as a seat types them, each a
 * kind at a point near an existing case (where most calls about the same matter come from), half with the
 * channel's ticket and a caller's phone, through similar_cases.sql; beside the bare box lookup of the same kind
 * and days (bench/sql/similar_bare.sql), alternately first, so both see the same moment of the machine.
 */
export async function similarBench(pgUrl?: string): Promise<Row[]> {
  const engine = benchEngines().find((e) => e.name === (pgUrl ? 'pg' : 'pglite'))!
  const { db, drop } = await engine.open()
  try {
    await migrate(db)
    const now = new Date()
    await seedCity(db, { now })
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')) as [{ n: number }]
    const recent = await db.query<{ kind: string; lon: number; lat: number }>(
      `SELECT kind, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM cases ORDER BY reported_at DESC LIMIT 400`)
    const phones = await db.query<{ phone: string }>(`SELECT phone FROM case_parties WHERE phone IS NOT NULL LIMIT 200`)
    const rng = createRng('bench-similar')
    const since = new Date(now.getTime() - SIMILAR_DAYS * 86_400_000)
    const probes = Array.from({ length: PROBES }, (_, i) => {
      const c = rng.pick(recent)
      return { kind: c.kind, lon: c.lon + rng.range(-0.002, 0.002), lat: c.lat + rng.range(-0.0015, 0.0015), ticketed: i % 2 === 0 }
    })
    const similar = (p: (typeof probes)[number]) => db.query(sql.similar_cases, [
      p.kind, p.lon, p.lat, since, SIMILAR_METRES, 'hotline_12345', p.ticketed ? `RX12345-BENCH-${rng.int(0, 1e6)}` : null,
      p.ticketed ? rng.pick(phones).phone : null, 20,
    ])
    const bare = (p: (typeof probes)[number]) => db.query(bareSql.similar_bare, [p.kind, p.lon, p.lat, since, SIMILAR_METRES])
    for (const p of probes.slice(0, WARM_UP)) {
      await similar(p)
      await bare(p)
    }
    const similarMs: number[] = []
    const bareMs: number[] = []
    for (const [i, p] of probes.entries()) {
      const a = async () => similarMs.push(await timed(() => similar(p)))
      const b = async () => bareMs.push(await timed(() => bare(p)))
      if (i % 2 === 0) { await a(); await b() } else { await b(); await a() }
    }
    return [{
      measure: `duplicate suggestions (similar_cases.sql: same kind within ${SIMILAR_METRES} m and ${SIMILAR_DAYS} days, ticket, caller) over ${n} cases, ${PROBES} calls, median / p95`,
      engine: engine.name, value: both(similarMs),
      baseline: `${both(bareMs)} the box lookup of kind and days bare (bench/sql/similar_bare.sql); target p95 ≤ 100 ms`,
    }]
  } finally {
    await drop()
  }
}
