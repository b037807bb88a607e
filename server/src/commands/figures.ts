import type {
  AreaRow, CaseCategory, CaseLevel, CaseSource, Figures, MediationBodyKind, MediationKind, Period, RankedUnit,
} from '../../../contract'
import { codePrefix, unitBelow } from '../../../domain/access'
import {
  type MeasureCounts, measuresOf, mediationMeasuresOf, type MediationCounts, NO_CASES, NO_MEDIATIONS,
} from '../../../domain/measures'
import { boundsOf, lastYearOf, previousOf } from '../../../domain/periods'
import type { Queryable } from '../db/Db'
import { logPosition } from '../db/logPosition'
import { sqlFiles } from '../db/sqlFiles'

const sql = sqlFiles(['figures_sums', 'figures_mediation', 'figures_overdue_now', 'area_units'])

/** The area figures are read for: a region's or grid's code, its name and level; code null for the city. */
export type FigureArea = { code: string | null; name: string; level: string }

type SumRow = MeasureCounts & { dim: 'total' | 'channel' | 'kind' | 'level' | 'area' | 'department'; key: string | null; category: CaseCategory | null }
type MediationRow = MediationCounts & { dim: 'total' | 'body' | 'kind'; key: string | null; name: string | null; bodyKind: MediationBodyKind | null }

const countsOf = <T extends MeasureCounts>(r: T | undefined): MeasureCounts => {
  if (!r) return NO_CASES
  const { received, disputes, closed, resolved, closedInPeriod, onTime, resolvedInPeriod, resolvedAtGrid, rated, satisfied, ranOver, sendBacks, reopened } = r
  return { received, disputes, closed, resolved, closedInPeriod, onTime, resolvedInPeriod, resolvedAtGrid, rated, satisfied, ranOver, sendBacks, reopened }
}
const mediationCountsOf = (r: MediationRow | undefined): MediationCounts => {
  if (!r) return NO_MEDIATIONS
  const { referred, concluded, agreements, confirmed, amountYuan } = r
  return { referred, concluded, agreements, confirmed, amountYuan }
}


/**
 * Reads figures in one repeatable-read transaction, so that every figure and `seq` agree, without JIT: the
 * planner cannot tell how few of a period's steps count and rates the query at millions of rows, for which
 * PostgreSQL would spend 0.8 s compiling a 0.1 s query.
 */
export async function asFigureRead(tx: Queryable): Promise<void> {
  await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
  await tx.query('SET LOCAL jit = off')
}

/** One period's sums of the area, split by channel, kind, level, department and the units of `unit` (none: no split by area). */
async function sums(q: Queryable, period: Period, now: Date, area: FigureArea, unit: RankedUnit | null): Promise<SumRow[]> {
  const { from, to } = boundsOf(period)
  return q.query<SumRow>(sql.figures_sums, [from, to, now, area.code, unit])
}

async function mediationSums(q: Queryable, period: Period, area: FigureArea): Promise<MediationRow[]> {
  const { from, to } = boundsOf(period)
  return q.query<MediationRow>(sql.figures_mediation, [from, to, area.code])
}

/** The units of `unit` in the area, with their measures from a period's sums (zeros for a unit with no case). */
async function unitRows(q: Queryable, area: FigureArea, unit: RankedUnit, rows: readonly SumRow[]): Promise<AreaRow[]> {
  const units = await q.query<{ code: string; name: string }>(sql.area_units, [area.code ? codePrefix(area.code) : '', unit])
  const dim = unit === 'department' ? 'department' : 'area'
  const byKey = new Map(rows.filter((r) => r.dim === dim).map((r) => [r.key, r]))
  return units.map((u) => ({ code: u.code, name: u.name, measures: measuresOf(countsOf(byKey.get(u.code))) }))
}

/** The units of `unit` in the area, with their measures for the period. */
export async function unitMeasures(q: Queryable, period: Period, now: Date, area: FigureArea, unit: RankedUnit): Promise<AreaRow[]> {
  return unitRows(q, area, unit, await sums(q, period, now, area, unit === 'department' ? null : unit))
}

/** An area's figures for a period with 同比 and 环比, in a transaction the caller opens (`db.transaction`) and passes. */
export async function figures(tx: Queryable, area: FigureArea, period: Period, now: Date): Promise<Figures> {
  await asFigureRead(tx)
  const { newest } = await logPosition(tx)
  const lastYear = lastYearOf(period)
  const previous = previousOf(period)
  const below = unitBelow(area.level)
  // A year's 同比 and 环比 are the same year: read each distinct period once.
  const previousIsLastYear = previous.from === lastYear.from && previous.to === lastYear.to
  const current = await sums(tx, period, now, area, below)
  const before = await sums(tx, lastYear, now, area, null)
  const earlier = previousIsLastYear ? before : await sums(tx, previous, now, area, null)
  const mediations = await mediationSums(tx, period, area)
  const mediationsBefore = await mediationSums(tx, lastYear, area)
  const mediationsEarlier = previousIsLastYear ? mediationsBefore : await mediationSums(tx, previous, area)
  const [overdue] = await tx.query<{ n: number }>(sql.figures_overdue_now, [now, area.code])
  const total = (rows: SumRow[]) => measuresOf(countsOf(rows.find((r) => r.dim === 'total')))
  const mediationTotal = (rows: MediationRow[]) => mediationMeasuresOf(mediationCountsOf(rows.find((r) => r.dim === 'total')))
  const split = (dim: SumRow['dim']) => current.filter((r) => r.dim === dim && r.key !== null)
  const areas = below ? await unitRows(tx, area, below, current) : []
  return {
    seq: newest,
    at: now.toISOString(),
    area,
    period: { current: period, lastYear, previous },
    totals: { current: total(current), lastYear: total(before), previous: total(earlier) },
    mediation: { current: mediationTotal(mediations), lastYear: mediationTotal(mediationsBefore), previous: mediationTotal(mediationsEarlier) },
    byChannel: split('channel').map((r) => ({ channel: r.key as CaseSource, measures: measuresOf(countsOf(r)) })),
    byKind: split('kind').map((r) => ({ category: r.category!, kind: r.key!, measures: measuresOf(countsOf(r)) })),
    byLevel: split('level').map((r) => ({ level: r.key as CaseLevel, measures: measuresOf(countsOf(r)) })),
    byArea: areas,
    byDepartment: split('department').map((r) => ({ department: r.key!, measures: measuresOf(countsOf(r)) }))
      .sort((a, b) => b.measures.received - a.measures.received),
    mediationByBody: mediations.filter((r) => r.dim === 'body').map((r) => ({
      bodyId: Number(r.key), name: r.name!, kind: r.bodyKind!, measures: mediationMeasuresOf(mediationCountsOf(r)),
    })).sort((a, b) => b.measures.referred - a.measures.referred),
    mediationByKind: mediations.filter((r) => r.dim === 'kind').map((r) => ({ kind: r.key as MediationKind, measures: mediationMeasuresOf(mediationCountsOf(r)) })),
    overdueNow: overdue!.n,
  }
}
