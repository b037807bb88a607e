import type { AreaLevel, AreaProfile } from '../../../contract'
import type { Db } from './Db'
import { sqlFiles } from './sqlFiles'

const sql = sqlFiles(['area_profile'])

/** A township's or a current grid's profile at `now`, with the patrols of the last `patrolHours`; null when there is no such area. */
export async function areaProfile(db: Db, level: AreaLevel, code: string, patrolHours: number, now: Date): Promise<AreaProfile | null> {
  const [row] = await db.query<{ profile: AreaProfile }>(sql.area_profile, [level, code, now, patrolHours])
  return row?.profile ?? null
}
