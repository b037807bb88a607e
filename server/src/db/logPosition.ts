import type { Queryable } from './Db'
import { sqlFiles } from './sqlFiles'

const sql = sqlFiles(['log_position'])

/** The newest and oldest positions of the change log: what a snapshot or a KPI read is stamped with, and how far back a replay can go. */
export async function logPosition(db: Queryable): Promise<{ newest: number; oldest: number }> {
  const [row] = await db.query<{ newest: number; oldest: number }>(sql.log_position)
  return row!
}
