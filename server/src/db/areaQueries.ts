import { type AnyAreaProfile, type AreaLevel, isWideLevel } from '../../../contract'
import type { Db } from './Db'
import { sqlFiles } from './sqlFiles'

const sql = sqlFiles(['area_profile', 'area_profile_wide'])

/**
 * An area's profile at `now`, with the patrols of the last `patrolHours`: a township's or a current grid's, or a
 * county's, prefecture's or province's summed over its child areas; null when there is no such area.
 */
export async function areaProfile(db: Db, level: AreaLevel, code: string, patrolHours: number, now: Date): Promise<AnyAreaProfile | null> {
  const [row] = await db.query<{ profile: AnyAreaProfile }>(isWideLevel(level) ? sql.area_profile_wide : sql.area_profile, [level, code, now, patrolHours])
  return row?.profile ?? null
}
