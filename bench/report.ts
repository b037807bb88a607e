import { join } from 'node:path'
import { seedCity } from '../data/seedCity'
import { beijingDate, boundsOf, lastYearOf, periodOf, previousOf } from '../domain/periods'
import { figureArea, rankings } from '../server/src/api/figuresRouter'
import type { Caller } from '../server/src/api/auth'
import type { Db } from '../server/src/db/Db'
import { figures } from '../server/src/commands/figures'
import { migrate } from '../server/src/db/migrate'
import { sqlFiles } from '../server/src/db/sqlFiles'
import { benchEngines, type Row } from './foundation'
import { median, p95, timed } from './stats'

const RUNS = 15
const bareSql = sqlFiles(['report_bare', 'multiply_cases'], join(import.meta.dirname, 'sql'))
const both = (xs: number[]) => `${median(xs).toFixed(0)} / ${p95(xs).toFixed(0)} ms`

/** Who reads the report: the city's duty leader. */
const LEADER = { role: 'duty_leader', scope: { region: '231281000000' }, reach: { prefix: '231281', department: null } } as unknown as Caller

/**
 * The monthly report (issue 19): everything its spreadsheet and printed page hold, the figures with 同比 and
 * 环比 and every split, and the townships' and departments' rankings with the month before, for the last
 * full month of the seeded city (two years of cases); then again with the store holding ten times that
 * (nine synthetic copies of every case with its history, routes and mediations). Beside it, in the same
 * run and alternately first, the bare aggregates of the same months' cases (bench/sql/report_bare.sql),
 * once for each of the periods the report compares.
 */
export async function reportBench(engineName: 'pg' | 'pglite'): Promise<Row[]> {
  const engine = benchEngines().find((e) => e.name === engineName)!
  const { db, drop } = await engine.open()
  try {
    await migrate(db)
    const now = new Date()
    await seedCity(db, { now })
    const lastMonth = periodOf({ period: 'month', at: beijingDate(new Date(now.getTime() - 32 * 86_400_000)) }, beijingDate(now))
    const rows: Row[] = []
    for (const copies of [0, 9]) {
      if (copies > 0) {
        await db.query(bareSql.multiply_cases, [copies])
        await db.exec('VACUUM ANALYZE')
      }
      const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')) as [{ n: number }]
      const report = () => monthlyReport(db, lastMonth, now)
      const bare = () => bareAggregates(db, lastMonth)
      await report()
      await bare()
      const reportMs: number[] = []
      const bareMs: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const a = async () => reportMs.push(await timed(report))
        const b = async () => bareMs.push(await timed(bare))
        if (i % 2 === 0) { await a(); await b() } else { await b(); await a() }
      }
      const year = periodOf({ period: 'year', at: beijingDate(now) }, beijingDate(now))
      const yearMs: number[] = []
      const yearBareMs: number[] = []
      const area = await figureArea(db, LEADER, undefined)
      for (let i = 0; i < 5; i++) {
        yearMs.push(await timed(() => db.transaction((tx) => figures(tx, area, year, now))))
        yearBareMs.push(await timed(() => bareAggregates(db, year, 2)))
      }
      rows.push({
        measure: `a year's figures of the city (${year.label} with 同比/环比 and every split) over ${n} cases${copies ? ' (10× synthetic)' : ''}, 5 runs, median / p95`,
        engine: engine.name,
        value: both(yearMs),
        baseline: `${both(yearBareMs)} the same periods' bare aggregates`,
      })
      rows.push({
        measure: `monthly report (${lastMonth.label}: figures with 同比/环比 and every split, township and department rankings) over ${n} cases${copies ? ' (10× synthetic)' : ''}, ${RUNS} runs, median / p95`,
        engine: engine.name,
        value: both(reportMs),
        baseline: `${both(bareMs)} the same periods' bare aggregates (bench/sql/report_bare.sql); target ≤ 1 s on PostGIS`,
      })
    }
    return rows
  } finally {
    await drop()
  }
}

/** What GET /figures and GET /rankings (townships, departments) read for one month of the city. */
async function monthlyReport(db: Db, period: ReturnType<typeof periodOf>, now: Date): Promise<void> {
  const area = await figureArea(db, LEADER, undefined)
  await db.transaction((tx) => figures(tx, area, period, now))
  for (const unit of ['township', 'department'] as const) await rankings(db, area, { period: 'month', at: period.from, unit }, now)
}

/** The bare aggregates of the periods a report reads: the period, the same period last year and the one before (`count` 2: a year, whose two are the same). */
async function bareAggregates(db: Db, period: ReturnType<typeof periodOf>, count = 3): Promise<void> {
  for (const p of [period, lastYearOf(period), previousOf(period)].slice(0, count)) {
    const { from, to } = boundsOf(p)
    await db.query(bareSql.report_bare, [from, to])
  }
}
