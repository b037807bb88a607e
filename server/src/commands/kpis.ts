import type { CameraClass, CaseLevel, Kpis, LevelFigures, RegionLevel, TrendDay } from '../../../contract'
import { beijingDate, beijingStart, boundsOf, periodOf } from '../../../domain/periods'
import { asFigureRead } from './figures'
import { logPosition } from '../db/logPosition'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'

const sql = sqlFiles(['kpi_cases', 'kpi_open_levels', 'kpi_department_reports', 'kpi_cameras', 'kpi_patrol', 'kpi_trend'])

type CaseFigures = Pick<Kpis, 'disputes' | 'gridLevelShare' | 'onTimeRate' | 'satisfaction'>

/** What KPIs can be scoped to: a region of any level, or one current grid; the store's top region (`root`) reads as the whole store. */
export type KpiScope = { code: string; level: RegionLevel | 'grid'; root: boolean }

/**
 * The KPIs of `region` (null or the city itself: the whole city) at `now`, stamped with the log
 * position they reflect: one repeatable-read transaction, so every figure and `seq` agree. The SQL
 * tells a region's 12-digit code from a grid's 15-digit one.
 */
export function kpis(db: Db, region: KpiScope | null, patrolHours: number, now: Date): Promise<Kpis> {
  const scope = region && !region.root ? region.code : null
  const today = beijingDate(now)
  const [day, month, year] = (['day', 'month', 'year'] as const).map((period) => boundsOf(periodOf({ period }, today)))
  const trendFrom = new Date(beijingStart(today).getTime() - 29 * 86_400_000)
  return db.transaction(async (tx) => {
    await asFigureRead(tx)
    const { newest } = await logPosition(tx)
    const [cases] = await tx.query<CaseFigures>(sql.kpi_cases, [now, scope, day!.from, day!.to, month!.from, month!.to, year!.from, year!.to])
    const levels = await tx.query<LevelFigures & { level: CaseLevel }>(sql.kpi_open_levels, [now, scope])
    const [reports] = await tx.query<Kpis['departmentReports']>(sql.kpi_department_reports, [now, scope])
    const cameras = await tx.query<{ class: CameraClass; online: number; total: number }>(sql.kpi_cameras, [scope])
    const [patrol] = await tx.query<{ grids: number; visited: number }>(sql.kpi_patrol, [now, scope, patrolHours])
    const trend = await tx.query<TrendDay>(sql.kpi_trend, [now, scope, trendFrom, day!.to])
    const total = (figure: keyof LevelFigures) => levels.reduce((sum, l) => sum + l[figure], 0)
    return {
      seq: newest,
      at: now.toISOString(),
      region: region?.code ?? null,
      ...cases!,
      open: total('open'),
      overdue: total('overdue'),
      escalated: total('escalated'),
      waitingToSign: total('waitingToSign'),
      departmentReports: reports!,
      levels: Object.fromEntries(levels.map(({ level, ...figures }) => [level, figures])) as Kpis['levels'],
      cameras: Object.fromEntries(cameras.map(({ class: c, ...figures }) => [c, figures])) as Kpis['cameras'],
      patrol: { hours: patrolHours, ...patrol! },
      trend,
    }
  })
}
