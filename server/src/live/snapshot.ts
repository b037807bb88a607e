import { type LiveSnapshot, TRAIL } from '../../../contract/live'
import { casesOnlyLevel, citywide, codeLevel, codePrefix, coversCode, type Reach, reachesCase } from '../../../domain/access'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import { logPosition } from '../db/logPosition'

const sql = sqlFiles(['snapshot_cases', 'snapshot_cameras', 'snapshot_patrols', 'snapshot_covers', 'snapshot_visits'])

/**
 * Everything live at `now`, stamped with the log position it reflects. One repeatable-read
 * transaction, so the rows and the position agree: a client applies the changes after `seq` and
 * misses nothing. Patrol trails reach `TRAIL.hours` back from `now`. Only what lies in `reach`, as the
 * rooms a client of that reach may join carry; with `area` (inside the reach), that area's part as its room
 * carries it: a province's or prefecture's cases only.
 */
export async function liveSnapshot(db: Db, now: Date, reach: Reach, area?: string): Promise<LiveSnapshot> {
  if (area !== undefined) reach = { prefix: codePrefix(area), department: null, whole: false }
  // Read in SQL for an area's reach (a county's screen inside a province reads its county, not the province);
  // whole for the whole store and for a department, whose cases are found below.
  const all = await storedSnapshot(db, now, reach.whole ? null : reach.prefix, area !== undefined && casesOnlyLevel(codeLevel(area)))
  // A scope of the city (or above) sees it all, including what stands outside every grid.
  const inArea = (code: string | null) => citywide(reach) || coversCode(reach, code)
  return {
    seq: all.seq,
    cases: all.cases.filter((c) => reachesCase(reach, c)),
    cameras: all.cameras.filter((c) => inArea(c.gridCode)),
    patrols: all.patrols.filter((p) => inArea(p.gridCode)),
    covers: all.covers.filter((c) => inArea(c.gridCode)),
    visits: all.visits.filter((v) => inArea(v.gridCode)),
  }
}

function storedSnapshot(db: Db, now: Date, prefix: string | null, casesOnly: boolean): Promise<LiveSnapshot> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const { newest } = await logPosition(tx)
    const read = async <T>(q: string, params: unknown[] = []) => (await tx.query<{ summary: T }>(q, params)).map((r) => r.summary)
    const cases = await read<LiveSnapshot['cases'][number]>(sql.snapshot_cases, [prefix])
    if (casesOnly) return { seq: newest, cases, cameras: [], patrols: [], covers: [], visits: [] }
    return {
      seq: newest,
      cases,
      cameras: await read<LiveSnapshot['cameras'][number]>(sql.snapshot_cameras, [prefix]),
      patrols: await read<LiveSnapshot['patrols'][number]>(sql.snapshot_patrols, [now, TRAIL.hours, TRAIL.sampleSeconds, prefix]),
      covers: await read<LiveSnapshot['covers'][number]>(sql.snapshot_covers, [prefix]),
      visits: await read<LiveSnapshot['visits'][number]>(sql.snapshot_visits, [prefix]),
    }
  })
}
