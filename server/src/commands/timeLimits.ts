import type { TimeLimitRow } from '../../../contract/departments'
import { type LimitRow, limitsFrom, type TimeLimits } from '../../../domain/timeLimits'
import type { Db, Queryable } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'

const sql = sqlFiles(['time_limits', 'time_limits_replace'])

/** How long a process trusts the limits it read: an admin's change elsewhere counts within this. */
const FRESH_MS = 2000

type StoredRow = { holder: LimitRow['holder']; kind: string; signHours: number; handleHours: number }

const asRow = (r: StoredRow): LimitRow => ({ ...r, kind: r.kind === '*' ? null : (r.kind as LimitRow['kind']) })

/**
 * The time limits as the store keeps them (`time_limits`), compressed by the process's `scale` in a
 * simulated demo. Read at most every 2 s; a change made here is seen at once.
 */
export function timeLimitStore(db: Db, scale: number, followUpDays?: number) {
  let cached: { limits: TimeLimits; at: number } | null = null
  const read = async (q: Queryable) => (await q.query<StoredRow>(sql.time_limits)).map(asRow)
  return {
    async current(): Promise<TimeLimits> {
      if (cached && Date.now() - cached.at < FRESH_MS) return cached.limits
      const limits = limitsFrom(await read(db), scale, followUpDays)
      cached = { limits, at: Date.now() }
      return limits
    },
    /** The table, unscaled, as an admin edits it. */
    rows: (): Promise<TimeLimitRow[]> => read(db),
    async replace(rows: readonly TimeLimitRow[]): Promise<TimeLimitRow[]> {
      await db.query(sql.time_limits_replace, [
        rows.map((r) => r.holder), rows.map((r) => r.kind ?? '*'), rows.map((r) => r.signHours), rows.map((r) => r.handleHours),
      ])
      cached = null
      return read(db)
    },
  }
}
export type TimeLimitStore = ReturnType<typeof timeLimitStore>
