import type { z } from 'zod'
import type { CameraStateRequest, FixBatch } from '../../../contract/devices'
import type { CameraView, PatrolFixes } from '../../../contract/live'
import { HttpError } from '../api/errors'
import { sqlFiles } from '../db/sqlFiles'
import type { Commit } from '../live/commit'

const sql = sqlFiles(['insert_fixes', 'patrol_unit', 'set_camera_state', 'camera_summary'])

/** Patrol positions and camera health, as devices (and the simulator) report them. */
export function deviceCommands({ commit }: { commit: Commit }) {
  return {
    /** Stores a batch of fixes and streams them as one change; 404 for an unknown unit. */
    fixes(unitId: number, batch: z.output<typeof FixBatch>): Promise<PatrolFixes> {
      return commit(async (tx) => {
        const [unit] = await tx.query<Omit<PatrolFixes, 'fixes'>>(sql.patrol_unit, [unitId])
        if (!unit) throw new HttpError(404, 'not_found', `no patrol unit with id ${unitId}`)
        const f = batch.fixes
        await tx.query(sql.insert_fixes, [
          unitId, f.map((x) => x.at), f.map((x) => x.location[0]), f.map((x) => x.location[1]),
          f.map((x) => x.speedMps ?? null), f.map((x) => x.heading ?? null),
        ])
        const payload: PatrolFixes = {
          ...unit,
          fixes: f.map((x) => ({ at: new Date(x.at).toISOString(), location: x.location, speedMps: x.speedMps ?? null, heading: x.heading ?? null })),
        }
        return { result: payload, changes: [{ entity: 'patrol', entityId: unitId, op: 'update', payload }] }
      })
    },

    /** Sets a camera online, offline or faulty; 404 for an unknown camera. */
    cameraState(cameraId: number, req: z.output<typeof CameraStateRequest>): Promise<CameraView> {
      return commit(async (tx, now) => {
        const updated = await tx.query(sql.set_camera_state, [cameraId, req.state, now])
        if (updated.length === 0) throw new HttpError(404, 'not_found', `no camera with id ${cameraId}`)
        const [row] = await tx.query<{ summary: CameraView }>(sql.camera_summary, [cameraId])
        return { result: row!.summary, changes: [{ entity: 'camera', entityId: cameraId, op: 'update', payload: row!.summary }] }
      })
    },
  }
}
export type DeviceCommands = ReturnType<typeof deviceCommands>
