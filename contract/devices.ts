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

/** The most fixes one `POST /api/v1/patrols/fixes` carries, of all its units together. */
export const FIX_BATCHES_MAX_FIXES = 5000

/**
 * `POST /api/v1/patrols/fixes`: many units' fixes at once, as a device gateway or the phones' backend
 * forwards them; each unit once, e.g. `{ units: [{ unitId: 7, fixes: [{ at, location }] }] }`.
 */
export const FixBatches = z.strictObject({
  units: z.array(z.strictObject({ unitId: z.number().int().positive().max(2_147_483_647), fixes: FixBatch.shape.fixes }))
    .min(1, 'must hold at least one unit').max(FIX_BATCHES_MAX_FIXES, `must hold at most ${FIX_BATCHES_MAX_FIXES} units`),
}).superRefine(({ units }, ctx) => {
  const total = units.reduce((n, u) => n + u.fixes.length, 0)
  if (total > FIX_BATCHES_MAX_FIXES) ctx.addIssue({ code: 'custom', path: ['units'], message: `must hold at most ${FIX_BATCHES_MAX_FIXES} fixes in all (holds ${total})` })
  const seen = new Set<number>()
  units.forEach((u, i) => {
    if (seen.has(u.unitId)) ctx.addIssue({ code: 'custom', path: ['units', i, 'unitId'], message: 'names a unit already in this batch: send each unit once, its fixes together' })
    seen.add(u.unitId)
  })
})
export type FixBatches = z.input<typeof FixBatches>

/** What `POST /api/v1/patrols/fixes` took: how many units and fixes were stored and streamed. */
export const FixBatchesTaken = z.object({ units: z.number().int(), fixes: z.number().int() })
export type FixBatchesTaken = z.infer<typeof FixBatchesTaken>

/** `POST /api/v1/cameras/:id/state` */
export const CameraStateRequest = z.strictObject({ state: CameraState })
export type CameraStateRequest = z.input<typeof CameraStateRequest>
