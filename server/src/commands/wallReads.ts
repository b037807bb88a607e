import type { AttentionCases, DutyNow, HourlyReports } from '../../../contract'
import type { Db } from '../db/Db'
import { logPosition } from '../db/logPosition'
import { sqlFiles } from '../db/sqlFiles'
import { asFigureRead } from './figures'
import type { KpiScope } from './kpis'

const sql = sqlFiles(['wall_hourly', 'wall_attention', 'duty_now'])

const HOUR_MS = 3_600_000
/** As many listed cases as the widest wall shows; the totals count them all. */
const ATTENTION_LIMIT = 40

const iso = (t: Date | string) => new Date(t).toISOString()
const areaCode = (scope: KpiScope | null) => (scope && !scope.root ? scope.code : null)

/** The reports received in each of the 24 clock hours up to `now`'s, oldest first, as the figures count 受理. */
export function hourlyReports(db: Db, scope: KpiScope | null, now: Date): Promise<HourlyReports> {
  const firstHour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - 23 * HOUR_MS)
  return db.transaction(async (tx) => {
    await asFigureRead(tx)
    const { newest } = await logPosition(tx)
    const rows = await tx.query<{ hour: Date; reports: number }>(sql.wall_hourly, [now, firstHour, areaCode(scope)])
    return { seq: newest, at: now.toISOString(), hours: rows.map((r) => ({ hour: iso(r.hour), reports: r.reports })) }
  })
}

type AttentionRow = Omit<AttentionCases['cases'][number], 'overdueSince' | 'escalatedAt'> & {
  overdueSince: Date | null
  escalatedAt: Date | null
  overdue_total: number
  escalated_total: number
  total: number
}

/** The open cases moved up or overdue at `now`, the longest waiting first, with the totals of each. */
export function attentionCases(db: Db, scope: KpiScope | null, now: Date): Promise<AttentionCases> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const { newest } = await logPosition(tx)
    const rows = await tx.query<AttentionRow>(sql.wall_attention, [now, areaCode(scope), ATTENTION_LIMIT])
    return {
      seq: newest,
      at: now.toISOString(),
      overdue: rows[0]?.overdue_total ?? 0,
      escalated: rows[0]?.escalated_total ?? 0,
      total: rows[0]?.total ?? 0,
      cases: rows.map(({ overdue_total: _o, escalated_total: _e, total: _t, overdueSince, escalatedAt, ...c }) => ({
        ...c, overdueSince: overdueSince && iso(overdueSince), escalatedAt: escalatedAt && iso(escalatedAt),
      })),
    }
  })
}

/** The duty leader on shift at `now`, from the roster; null when it names nobody. */
export async function dutyNow(db: Db, now: Date): Promise<DutyNow> {
  const [row] = await db.query<{ name: string; deskPhone: string; from: Date; to: Date }>(sql.duty_now, [now])
  return { at: now.toISOString(), leader: row ? { name: row.name, deskPhone: row.deskPhone, from: iso(row.from), to: iso(row.to) } : null }
}
