import { z } from 'zod'
import { CameraState } from './domain'
import { DeviceTime } from './fields'
import { LonLat } from './geo'

/**
 * How far ahead of the server's clock a fix may be dated (a device's clock runs fast). How far back: the
 * retention window of patrol fixes, `RETAIN_FIXES_HOURS`. A fix outside is refused, naming it.
 */
export const FIX_MAX_AHEAD_MS = 5 * 60_000

/** One position of a patrol unit, e.g. `{ at: '2026-11-23T08:00:00Z', location: [125.32, 46.40], speedMps: 1.4 }`. */
export const FixInput = z.strictObject({
  at: DeviceTime,
  location: LonLat,
  speedMps: z.number().min(0, 'must not be negative').max(70, 'must be at most 70 m/s').optional(),
  heading: z.number().min(0, 'must be within 0..360').lt(360, 'must be within 0..360').optional(),
})

/** `POST /api/v1/patrols/:id/fixes`: a batch of fixes, oldest first. */
export const FixBatch = z.strictObject({ fixes: z.array(FixInput).min(1, 'must hold at least one fix').max(1000, 'must hold at most 1000 fixes') })
export type FixBatch = z.input<typeof FixBatch>

/** `POST /api/v1/cameras/:id/state` */
export const CameraStateRequest = z.strictObject({ state: CameraState })
export type CameraStateRequest = z.input<typeof CameraStateRequest>
