import { z } from 'zod'
import { CameraClass, CameraState, GridKind, PatrolKind, RegionKind, RegionLevel, WorkerRole } from './domain'
import { Count } from './fields'
import { LonLat } from './geo'
import { RegionRef } from './grids'
import { PatrolHours } from './kpis'

/**
 * What a desk drills into: a province, prefecture (市/州), county (县/县级市/区) or township/street (12-digit region
 * codes), or a current grid (15-digit code). Communities are not a level of their own: a township's panel opens its grids.
 */
export const AreaLevel = z.enum(['province', 'prefecture', 'county', 'township', 'grid'], { error: 'must be province, prefecture, county, township or grid' })
export type AreaLevel = z.infer<typeof AreaLevel>

/** The levels above the township: their profile (`WideAreaProfile`) sums their child areas instead of listing posts and cameras. */
export const WideLevel = AreaLevel.extract(['province', 'prefecture', 'county'])
export type WideLevel = z.infer<typeof WideLevel>
export const isWideLevel = (level: AreaLevel): level is WideLevel => level !== 'township' && level !== 'grid'

/** `GET /api/v1/areas/:level/:code`, e.g. `/api/v1/areas/grid/231281001001001` or `/api/v1/areas/county/231281000000`. */
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

const Bbox = z.tuple([z.number(), z.number(), z.number(), z.number()])
const MultiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])))) })
/** Who answers for an area: its households, grids and posts (grid leaders, full- and part-time workers), summed. */
const posts = { households: Count(), grids: Count(), leaders: Count(), fulltimeWorkers: Count(), parttimeWorkers: Count() }
const CameraStates = z.object(Object.fromEntries(CameraState.options.map((s) => [s, Count()])) as Record<CameraState, ReturnType<typeof Count>>)

/**
 * `GET /api/v1/areas/{township|grid}/:code?patrolHours=`: one township or grid as a duty leader drills into it,
 * read in one snapshot of the store at `at`.
 * - `kind`: township or street for a township, urban or rural for a grid; `bbox` `[minLon, minLat, maxLon, maxLat]`;
 * - `parents`: nearest first up to the store's top region: a grid's community, township, county…, a township's county…;
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
  level: AreaLevel.extract(['township', 'grid']),
  code: z.string(),
  name: z.string(),
  kind: z.union([RegionKind.extract(['township', 'street']), GridKind]),
  bbox: Bbox,
  geometry: MultiPolygon,
  parents: z.array(RegionRef),
  responsible: z.object({
    ...posts,
    /** E.g. `新兴街道人民调解委员会`. */
    mediationCommittee: z.string().nullable(),
    specialisedCommittees: Count(),
    roster: z.array(GridPost),
  }),
  cover: z.object({
    cameras: z.array(AreaCamera),
    cameraStates: CameraStates,
    patrols: z.object({ hours: z.number().int(), inside: z.array(AreaPatrol), recent: z.array(AreaPatrol) }),
    lastWalkedAt: z.string().nullable(),
  }),
})
export type AreaProfile = z.infer<typeof AreaProfile>

/**
 * An area one level down from a wide one (a province's prefectures, a prefecture's counties, a county's townships),
 * with its shape simplified to the scale its parent is drawn at and where its name is written (`at`: its seat, else
 * a point inside it): its current grids and households, and its open cases (`overdue`: of those, past their due
 * time). The children's counts add up to their parent's.
 */
export const ChildArea = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevel,
  kind: RegionKind,
  grids: Count(),
  households: Count(),
  open: Count(),
  overdue: Count(),
  at: LonLat,
  geometry: MultiPolygon,
})
export type ChildArea = z.infer<typeof ChildArea>

/**
 * `GET /api/v1/areas/{province|prefecture|county}/:code?patrolHours=`: an area above the township as a duty leader
 * drills into it, read in one snapshot of the store at `at`: what a township's profile gives, summed where a list
 * would run to thousands, and its child areas.
 * - `geometry`: simplified to about a thousandth of the area's extent (what a screen framing it can show);
 * - `parents`: nearest first up to the store's top region; none for the top region itself;
 * - `responsible`: its households (the region's own figure), current grids and posts by role, and how many
 *   township, community and specialised mediation committees (人民调解委员会) serve it (specialised: those of
 *   the regions it lies in or holds);
 * - `cover`: its cameras (those standing in its townships) by state; patrol units whose latest fix lies in it
 *   (`inside`) or with a fix in it during the last `hours` (`recent`); its grids that a patrol was in during those
 *   hours (`walkedGrids`);
 * - `children`: the areas one level down, in code order.
 * Its cases are `GET /api/v1/cases?region=`, its figures `GET /api/v1/kpis?region=`, its live changes the room `<level>:<code>`.
 */
export const WideAreaProfile = z.object({
  at: z.string(),
  level: WideLevel,
  code: z.string(),
  name: z.string(),
  kind: RegionKind,
  bbox: Bbox,
  geometry: MultiPolygon,
  parents: z.array(RegionRef),
  responsible: z.object({
    ...posts,
    committees: z.object({ township: Count(), community: Count(), specialised: Count() }),
  }),
  cover: z.object({
    cameraStates: CameraStates,
    patrols: z.object({ hours: z.number().int(), inside: Count(), recent: Count() }),
    walkedGrids: Count(),
  }),
  children: z.array(ChildArea),
})
export type WideAreaProfile = z.infer<typeof WideAreaProfile>

/** What `GET /api/v1/areas/:level/:code` answers: a wide area's profile or a township's or grid's. */
export type AnyAreaProfile = AreaProfile | WideAreaProfile
