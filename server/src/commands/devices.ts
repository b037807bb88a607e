import type { z } from 'zod'
import type { CameraStateRequest, FixBatch } from '../../../contract/devices'
import type { CameraView, GridCover, PatrolFixes } from '../../../contract/live'
import { HttpError } from '../api/errors'
import { sqlFiles } from '../db/sqlFiles'
import type { Commit } from '../live/commit'
import type { PendingChange } from '../live/outbox'

const sql = sqlFiles(['record_fixes', 'set_camera_state', 'camera_summary', 'refresh_camera_cover'])

/** Patrol positions and camera health, as devices (and the simulator) report them. */
export function deviceCommands({ commit }: { commit: Commit }) {
  return {
    /** Stores a batch of fixes (each with its grid, and the grids' last visits) and streams them as one change; 404 for an unknown unit. */
    async fixes(unitId: number, batch: z.output<typeof FixBatch>): Promise<PatrolFixes> {
      const f = batch.fixes
      const [row] = await commit.statement<{ payload: PatrolFixes }>(sql.record_fixes, (now) => [
        unitId, f.map((x) => x.at), f.map((x) => x.location[0]), f.map((x) => x.location[1]),
        f.map((x) => x.speedMps ?? null), f.map((x) => x.heading ?? null), now,
      ])
      if (!row) throw new HttpError(404, 'not_found', `no patrol unit with id ${unitId}`)
      return row.payload
    },

    /**
     * Sets a camera online, offline or faulty; 404 for an unknown camera. When it goes online or stops
     * being online, the cover of every grid its view reaches is recomputed and streamed after it.
     */
    cameraState(cameraId: number, req: z.output<typeof CameraStateRequest>): Promise<CameraView> {
      return commit(async (tx, now) => {
        const [updated] = await tx.query<{ coverChanged: boolean }>(sql.set_camera_state, [cameraId, req.state, now])
        if (!updated) throw new HttpError(404, 'not_found', `no camera with id ${cameraId}`)
        const [row] = await tx.query<{ summary: CameraView }>(sql.camera_summary, [cameraId])
        const covers = updated.coverChanged ? await tx.query<{ payload: GridCover }>(sql.refresh_camera_cover, [cameraId]) : []
        const changes: PendingChange[] = [
          { entity: 'camera', entityId: cameraId, op: 'update', payload: row!.summary },
          ...covers.map(({ payload }): PendingChange => ({ entity: 'cover', entityId: payload.gridCode, op: 'update', payload })),
        ]
        return { result: row!.summary, changes }
      })
    },
  }
}
export type DeviceCommands = ReturnType<typeof deviceCommands>
