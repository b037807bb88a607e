import { z } from 'zod'
import { CameraClass, CameraState, GridKind, PatrolKind, RegionKind, WorkerRole } from './domain'
import { Count } from './fields'
import { LonLat } from './geo'
import { RegionRef } from './grids'
import { PatrolHours } from './kpis'

/** What a duty leader drills into: a township or street (12-digit region code) or a current grid (15-digit code). */
export const AreaLevel = z.enum(['township', 'grid'], { error: 'must be township or grid' })
export type AreaLevel = z.infer<typeof AreaLevel>

/** `GET /api/v1/areas/:level/:code`, e.g. `/api/v1/areas/grid/231281001001001`. */
export const AreaParams = z
  .strictObject({ level: AreaLevel, code: z.string() })
  .superRefine((p, ctx) => {
    const [digits, what] = p.level === 'grid' ? [15, 'grid code'] : [12, 'region code']
    if (!new RegExp(`^\\d{${digits}}$`).test(p.code)) ctx.addIssue({ code: 'custom', path: ['code'], message: `must be a ${digits}-digit ${what}` })
  })
export type AreaParams = z.infer<typeof AreaParams>

/** `?patrolHours=4`: how far back `cover.patrols.recent` reaches (1–24 hours). */
export const AreaQuery = z.strictObject({ patrolHours: PatrolHours })
export type AreaQuery = z.infer<typeof AreaQuery>

/** A grid worker's post, a call sign like `231281001001001-F1` (grid, role letter, number); the store keeps no people. */
export const GridPost = z.object({ code: z.string(), gridCode: z.string(), role: WorkerRole })
export type GridPost = z.infer<typeof GridPost>

/** A camera that stands in the area (`inside`) or whose viewing wedge reaches into it from outside. */
export const AreaCamera = z.object({ id: z.number().int(), code: z.string(), class: CameraClass, state: CameraState, inside: z.boolean(), location: LonLat })
export type AreaCamera = z.infer<typeof AreaCamera>

/** A patrol unit (a call sign, never a person) and when it was last in the area. */
export const AreaPatrol = z.object({ unitId: z.number().int(), code: z.string(), kind: PatrolKind, at: z.string() })
export type AreaPatrol = z.infer<typeof AreaPatrol>


/**
 * `GET /api/v1/areas/:level/:code?patrolHours=`: one township or grid as a duty leader drills into it,
 * read in one snapshot of the store at `at`.
 * - `kind`: township or street for a township, urban or rural for a grid; `bbox` `[minLon, minLat, maxLon, maxLat]`;
 * - `parents`: nearest first, a grid's community and township, a township's city;
 * - `responsible`: households, current grids, posts by role (sums over a township's grids), the people's
 *   mediation committee (人民调解委员会) that serves it (a grid's community's, a township's own; null if none is
 *   stored), how many specialised committees (专业人民调解委员会) serve it (those of the regions it lies in or
 *   holds, as `GET /api/v1/mediation-bodies?area=` lists them), and every post of its grids;
 * - `cover.cameras`: every camera inside the area or looking into it, `cameraStates` their count by state;
 * - `cover.patrols`: `inside`, units whose latest fix lies in the area (`at` that fix); `recent`, units
 *   with a fix in it during the last `hours` (`at` the latest such fix);
 * - `cover.lastWalkedAt`: the last time any patrol was in any of its grids, null if never.
 * Its cases are `GET /api/v1/cases?grid=` or `?region=`, its figures `GET /api/v1/kpis?region=`, its
 * live changes the room `grid:<code>` or `township:<code>`.
 */
export const AreaProfile = z.object({
  at: z.string(),
  level: AreaLevel,
  code: z.string(),
  name: z.string(),
  kind: z.union([RegionKind.extract(['township', 'street']), GridKind]),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])))) }),
  parents: z.array(RegionRef),
  responsible: z.object({
    households: Count(),
    grids: Count(),
    leaders: Count(),
    fulltimeWorkers: Count(),
    parttimeWorkers: Count(),
    /** E.g. `新兴街道人民调解委员会`. */
    mediationCommittee: z.string().nullable(),
    specialisedCommittees: Count(),
    roster: z.array(GridPost),
  }),
  cover: z.object({
    cameras: z.array(AreaCamera),
    cameraStates: z.object(Object.fromEntries(CameraState.options.map((s) => [s, Count()])) as Record<CameraState, ReturnType<typeof Count>>),
    patrols: z.object({ hours: z.number().int(), inside: z.array(AreaPatrol), recent: z.array(AreaPatrol) }),
    lastWalkedAt: z.string().nullable(),
  }),
})
export type AreaProfile = z.infer<typeof AreaProfile>
