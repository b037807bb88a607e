import type { z } from 'zod'
import type { ApiIssue } from '../../../contract/api'
import { type CameraStateRequest, FIX_MAX_AHEAD_MS, type FixBatch, type FixBatches, type FixBatchesTaken } from '../../../contract/devices'
import { type CameraView, type GridCover, type PatrolFixes, TRAIL } from '../../../contract/live'
import { citywide, codePrefix, coversArea, coversCode } from '../../../domain/access'
import { type Db, plannedEachCall } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import type { Commit } from '../live/commit'
import type { PendingChange } from '../live/outbox'
import type { Identity } from './identity'
import { invalid, notFound } from './serviceErrors'

const sql = sqlFiles(['record_fixes', 'record_fix_batches', 'set_camera_state', 'camera_summary', 'refresh_camera_cover', 'unit_township', 'unit_townships'])

/**
 * The most fixes a gateway's batch holds to run on the prepared plan; a larger one gets a plan of its own.
 * A province gateway's tick (161 units, a fix each) ran 12.4 → 11.0 ms prepared; 5,000 fixes no faster.
 */
const PREPARED_UP_TO = 1000
const recordFixBatches = { prepared: sql.record_fix_batches, own: plannedEachCall(sql.record_fix_batches) }

/**
 * Refuses a batch holding a fix dated more than FIX_MAX_AHEAD_MS after `now` or more than `maxAgeHours` before
 * it, naming each: a fix from the future would stay its unit's latest and keep its grid patrolled for good, and
 * one older than the retention window would be pruned as soon as it was stored.
 */
function refuseFixesOutOfTime(fixes: readonly { at: string }[], now: Date, maxAgeHours: number, prefix = ''): void {
  const issues = fixesOutOfTime(fixes, now, maxAgeHours, prefix)
  if (issues.length > 0) throw invalid(issues)
}

function fixesOutOfTime(fixes: readonly { at: string }[], now: Date, maxAgeHours: number, prefix: string): ApiIssue[] {
  const latest = now.getTime() + FIX_MAX_AHEAD_MS
  const earliest = now.getTime() - maxAgeHours * 3_600_000
  return fixes.flatMap(({ at }, i): ApiIssue[] => {
    const t = Date.parse(at)
    if (t > latest) return [{ field: `${prefix}fixes.${i}.at`, reason: `is more than ${FIX_MAX_AHEAD_MS / 60_000} minutes ahead of the server's clock (${now.toISOString()})` }]
    if (t < earliest) return [{ field: `${prefix}fixes.${i}.at`, reason: `is more than ${maxAgeHours} hours before the server's clock (${now.toISOString()}), the retention window of patrol fixes` }]
    return []
  })
}

/** A gateway's fixes as the statement's arrays, one element a fix, in one pass: a batch holds thousands. */
function fixColumns(units: z.output<typeof FixBatches>['units']) {
  const c = { unitIds: [] as number[], ats: [] as string[], lons: [] as number[], lats: [] as number[], speeds: [] as (number | null)[], headings: [] as (number | null)[] }
  for (const { unitId, fixes } of units) {
    for (const f of fixes) {
      c.unitIds.push(unitId)
      c.ats.push(f.at)
      c.lons.push(f.location[0])
      c.lats.push(f.location[1])
      c.speeds.push(f.speedMps ?? null)
      c.headings.push(f.heading ?? null)
    }
  }
  return c
}

/**
 * Patrol positions and camera health, as devices (and the simulator) report them. `fixMaxAgeHours`: the
 * retention window of patrol fixes (`RETAIN_FIXES_HOURS`, 24 by default), the oldest a fix may be when it arrives.
 * A caller narrower than the city acts on its area's patrol units (see walksWith) and on the cameras in its area only:
 * another one is not found, as a case outside the scope is not.
 */
/**
 * Whose units a caller acts on: those of its area's townships (a county's or a prefecture's gateway relays its
 * own), and a grid worker (or another scope narrower than a township) walks with their township's units.
 */
const walksWith = (reach: Identity['reach'], townshipCode: string): boolean =>
  citywide(reach) || coversArea(reach, townshipCode) || (reach.prefix !== null && reach.prefix.startsWith(codePrefix(townshipCode)))

export function deviceCommands({ db, commit, fixMaxAgeHours = 24 }: { db: Db; commit: Commit; fixMaxAgeHours?: number }) {
  const unitInReach = async (unitId: number, { reach }: Identity): Promise<boolean> => {
    if (citywide(reach)) return true
    const [unit] = await db.query<{ townshipCode: string }>(sql.unit_township, [unitId])
    return !!unit && walksWith(reach, unit.townshipCode)
  }

  return {
    /**
     * Stores a batch of fixes (each with its grid, and the grids' last visits) and streams them as one change;
     * 400 naming a fix dated outside the server's clock's bounds, 404 for an unknown unit.
     */
    async fixes(unitId: number, batch: z.output<typeof FixBatch>, caller: Identity): Promise<PatrolFixes> {
      if (!(await unitInReach(unitId, caller))) throw notFound(`no patrol unit with id ${unitId} in this account's scope`)
      const f = batch.fixes
      const [row] = await commit.statement<{ payload: PatrolFixes }>(sql.record_fixes, (now) => {
        // Bounded by the instant the batch is recorded at, before anything is written.
        refuseFixesOutOfTime(f, now, fixMaxAgeHours)
        return [
          unitId, f.map((x) => x.at), f.map((x) => x.location[0]), f.map((x) => x.location[1]),
          f.map((x) => x.speedMps ?? null), f.map((x) => x.heading ?? null), now, TRAIL.stepSeconds,
        ]
      })
      if (!row) throw notFound(`no patrol unit with id ${unitId}`)
      return row.payload
    },

    /**
     * Stores many units' fixes in one statement and streams them as one change (`patrols`), each unit as `fixes` does for one; the
     * whole batch is refused (400 naming each fix dated out of bounds, 404 naming a unit unknown or outside
     * the scope) before anything is written.
     */
    async fixesOfMany(batch: z.output<typeof FixBatches>, caller: Identity): Promise<FixBatchesTaken> {
      const ids = batch.units.map((u) => u.unitId)
      const known = new Map((await db.query<{ unitId: number; townshipCode: string }>(sql.unit_townships, [ids])).map((u) => [u.unitId, u.townshipCode]))
      const { reach } = caller
      const outside = ids.find((id) => {
        const township = known.get(id)
        return township === undefined || !walksWith(reach, township)
      })
      if (outside !== undefined) throw notFound(`no patrol unit with id ${outside} in this account's scope`)
      const columns = fixColumns(batch.units)
      const [stored] = await commit.statement<{ units: number }>(columns.unitIds.length > PREPARED_UP_TO ? recordFixBatches.own : recordFixBatches.prepared, (now) => {
        const issues = batch.units.flatMap((u, i) => fixesOutOfTime(u.fixes, now, fixMaxAgeHours, `units.${i}.`))
        if (issues.length > 0) throw invalid(issues)
        return [columns.unitIds, columns.ats, columns.lons, columns.lats, columns.speeds, columns.headings, now, TRAIL.stepSeconds]
      })
      return { units: stored?.units ?? 0, fixes: columns.unitIds.length }
    },

    /**
     * Sets a camera online, offline or faulty; 404 for an unknown camera. When it goes online or stops
     * being online, the cover of every grid its view reaches is recomputed and streamed after it.
     */
    cameraState(cameraId: number, req: z.output<typeof CameraStateRequest>, { reach }: Identity): Promise<CameraView> {
      return commit(async (tx, now) => {
        const [updated] = await tx.query<{ coverChanged: boolean }>(sql.set_camera_state, [cameraId, req.state, now])
        const [row] = updated ? await tx.query<{ summary: CameraView }>(sql.camera_summary, [cameraId]) : []
        // Checked after the write, in its transaction: a camera outside the scope rolls back with the 404.
        if (!row || !(citywide(reach) || coversCode(reach, row.summary.gridCode))) throw notFound(`no camera with id ${cameraId} in this account's scope`)
        const covers = updated?.coverChanged ? await tx.query<{ payload: GridCover }>(sql.refresh_camera_cover, [cameraId]) : []
        const changes: PendingChange[] = [
          { entity: 'camera', entityId: cameraId, op: 'update', payload: row.summary },
          ...covers.map(({ payload }): PendingChange => ({ entity: 'cover', entityId: payload.gridCode, op: 'update', payload })),
        ]
        return { result: row.summary, changes }
      })
    },
  }
}
export type DeviceCommands = ReturnType<typeof deviceCommands>
