import { z } from 'zod'
import { Count, ExpectedVersion, GridCode, RegionCode, RequiredText, Text } from './fields'
import { Geometry, Latitude, Longitude, LonLat } from './geo'

/**
 * The analysts' grid editor (网格划分调整): a draft of one community's grids, kept on the server until it
 * is published as the community's new grids. Every write names the draft's `version` it was decided on.
 */

/** A community's or village's 12-digit code, e.g. `231281001002`. */
export const CommunityCode = RegionCode('community')

/** A GeoJSON position; an altitude, when a file has one, is dropped. */
const Position = z.tuple([Longitude, Latitude], { error: 'must be a position [longitude, latitude]' }).rest(z.number())
  .transform(([lon, lat]): [number, number] => [lon, lat])
const Ring = z.array(Position).min(4, 'a ring needs at least 4 positions').max(10_000, 'a ring may have at most 10000 positions')
  .refine((r) => r.length < 4 || (r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1]), 'a ring must end where it starts')
const PolygonRings = z.array(Ring).min(1, 'a polygon needs its outer ring').max(100, 'a polygon may have at most 100 rings')

/** A grid's boundary: a Polygon or MultiPolygon in WGS 84, as RFC 7946 writes it. Validity (no self-intersection) is the check's, not the parser's. */
export const DraftGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: PolygonRings }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(PolygonRings).min(1, 'a multipolygon needs a polygon').max(100, 'a multipolygon may have at most 100 polygons') }),
], { error: 'must be a Polygon or MultiPolygon' })
export type DraftGeometry = z.output<typeof DraftGeometry>

/**
 * A grid in a draft, e.g. `{ code: '231281001002031', name: '富民社区第一网格（031）', kind: 'urban', households: 120,
 * sourceCode: '231281001002001' }`. `sourceCode`: the current grid it came from (a split's half names the grid split),
 * null for a grid drawn anew. Other properties a file carries (a grid export's `version`, say) are dropped.
 */
export const DraftGridProps = z.object({
  code: GridCode,
  name: RequiredText(40),
  kind: z.enum(['urban', 'rural'], { error: 'must be urban or rural' }),
  households: Count(100_000),
  leaders: Count(100).default(1),
  fulltimeWorkers: Count(100).default(0),
  parttimeWorkers: Count(100).default(0),
  sourceCode: GridCode.nullable().default(null),
})
export type DraftGridProps = z.output<typeof DraftGridProps>

/**
 * What a draft may hold, counted in positions (vertices, a ring's closing one included): a community of about 50
 * grids has a few thousand, so these are never met by a drawing, only by a file that is not a community's grids.
 * A Shapefile is counted against them before it is read (server/src/api/shapefileLimits.ts).
 */
export const DRAFT_LIMITS = { grids: 500, gridPositions: 20_000, draftPositions: 200_000 } as const
/** The positions of a grid's boundary, all rings of all polygons. */
export const positionsOf = (g: DraftGeometry): number =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0)

export const DraftFeature = z.object({
  type: z.literal('Feature', { error: 'must be "Feature"' }),
  geometry: DraftGeometry,
  properties: DraftGridProps,
}).refine((f) => positionsOf(f.geometry) <= DRAFT_LIMITS.gridPositions, {
  path: ['geometry'], error: `a grid may have at most ${DRAFT_LIMITS.gridPositions} positions`,
}).transform((f) => ({ type: 'Feature' as const, id: f.properties.code, geometry: f.geometry, properties: f.properties }))
export type DraftFeature = z.output<typeof DraftFeature>

/** A community's grids as one GeoJSON FeatureCollection; features are named by their index, e.g. `features.3.properties.households`. */
export const DraftFeatures = z.object({
  type: z.literal('FeatureCollection', { error: 'must be "FeatureCollection"' }),
  features: z.array(DraftFeature).min(1, 'a draft needs at least one grid')
    .max(DRAFT_LIMITS.grids, `a draft may have at most ${DRAFT_LIMITS.grids} grids`),
}).refine((c) => c.features.reduce((n, f) => n + positionsOf(f.geometry), 0) <= DRAFT_LIMITS.draftPositions, {
  path: ['features'], error: `a draft may have at most ${DRAFT_LIMITS.draftPositions} positions in all`,
})
export type DraftFeatures = z.output<typeof DraftFeatures>

export const DraftStatus = z.enum(['open', 'published'])
export type DraftStatus = z.infer<typeof DraftStatus>

/** A draft as lists show it. `createdBy`/`publishedBy`: the analyst's role and a digest of their token, never a name. */
export const DraftSummary = z.object({
  id: z.number().int(),
  communityCode: z.string(),
  status: DraftStatus,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Raised by every write; what `expectedVersion` names. */
  version: z.number().int().min(1),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  /** Why the grids were redrawn (调整说明), as given when publishing; null while open. */
  publishNote: z.string().nullable(),
  grids: z.number().int(),
})
export type DraftSummary = z.infer<typeof DraftSummary>

/** `GET /api/v1/drafts/:id`: the draft with its grids. */
export const Draft = DraftSummary.extend({ features: DraftFeatures })
export type Draft = z.output<typeof Draft>

/** `POST /api/v1/drafts`: a new draft loaded with the community's current grids, e.g. `{ community: '231281001002' }`. */
export const CreateDraftRequest = z.strictObject({ community: CommunityCode })
export type CreateDraftRequest = z.input<typeof CreateDraftRequest>

/** `POST /api/v1/drafts/import?community=231281001002` with a FeatureCollection (JSON) or a zipped Shapefile. */
export const ImportQuery = z.strictObject({ community: CommunityCode })

/** `GET /api/v1/drafts?community=231281001002&status=open`: the newest 200, newest first. */
export const DraftsQuery = z.strictObject({ community: CommunityCode.optional(), status: DraftStatus.optional() })
export type DraftsQuery = z.infer<typeof DraftsQuery>

/** `PUT /api/v1/drafts/:id`: the draft's grids, replaced whole. */
export const ReplaceDraftRequest = z.strictObject({ features: DraftFeatures, expectedVersion: ExpectedVersion })
export type ReplaceDraftRequest = z.input<typeof ReplaceDraftRequest>

/**
 * `POST /api/v1/drafts/:id/split`: cut grid `code` in two along `line`, e.g.
 * `{ code: '231281001002001', line: [[125.296, 46.428], [125.309, 46.429]], expectedVersion: 3 }`. The larger half keeps
 * the code; the other gets the community's next free number, its share of the households by area, and the name with
 * that number appended.
 */
export const SplitRequest = z.strictObject({
  code: GridCode,
  line: z.array(LonLat).min(2, 'a line needs at least 2 positions').max(1000, 'a line may have at most 1000 positions'),
  expectedVersion: ExpectedVersion,
})
export type SplitRequest = z.input<typeof SplitRequest>

/** `POST /api/v1/drafts/:id/merge`: two neighbours as one grid keeping the first code, e.g. `{ codes: ['…001', '…002'], expectedVersion: 4 }`. */
export const MergeRequest = z.strictObject({
  codes: z.tuple([GridCode, GridCode], { error: 'must name two grids' }).refine(([a, b]) => a !== b, 'must name two different grids'),
  expectedVersion: ExpectedVersion,
})
export type MergeRequest = z.input<typeof MergeRequest>

/**
 * `GET /api/v1/drafts/:id/neighbours`: every pair of the draft's grids that share an edge (not a mere corner), each
 * pair once in code order, e.g. `{ draftId: 12, version: 4, pairs: [['…001', '…002'], ['…002', '…003']] }`: the grids
 * a merge takes, by the rule the merge itself applies (PostGIS, on the draft as saved at `version`).
 */
export const DraftNeighbours = z.object({ draftId: z.number().int(), version: z.number().int(), pairs: z.array(z.tuple([z.string(), z.string()])) })
export type DraftNeighbours = z.infer<typeof DraftNeighbours>

/** What a split or a merge did: the draft now, the grids it made (split: the kept code, then the new one), and the neighbours whose shared edge gained the cut's vertices. */
export const DraftEdit = z.object({ draft: Draft, codes: z.array(z.string()), touched: z.array(z.string()) })
export type DraftEdit = z.output<typeof DraftEdit>

/**
 * `GET /api/v1/drafts/:id/next-code`: the code a new grid of the draft takes, e.g. `{ code: '231281100201012' }`:
 * after the highest the community ever used, retired grids' included, and the draft's own.
 */
export const NextGridCode = z.object({ code: GridCode })
export type NextGridCode = z.infer<typeof NextGridCode>

/** Why a community's grids are redrawn (调整说明), 2 to 500 characters, e.g. `'富民社区第一网格超过 300 户，沿富民路分为两格'`. */
export const PublishNote = Text(500).min(1, { error: 'is required', abort: true }).min(2, 'must be at least 2 characters')

/** `POST /api/v1/drafts/:id/publish`, e.g. `{ expectedVersion: 7, note: '…' }`: the note is kept with the published draft. */
export const PublishRequest = z.strictObject({ expectedVersion: ExpectedVersion, note: PublishNote })
export type PublishRequest = z.input<typeof PublishRequest>

/**
 * The rules a draft is checked by, each an English id (labels.gridRule has the Chinese). Errors refuse publishing:
 * `invalid_geometry`, `overlap`, `gap`, `outside_parent` (all beyond the tolerance), `duplicate_code`,
 * `code_outside_community`, `check_inconsistent` (the geometry engine's results do not add up, so nothing is
 * trusted). Warnings do not: `households_urban` (an urban grid outside 200–300 households), `households_rural`
 * (a rural grid over 150).
 */
export const GridRule = z.enum([
  'invalid_geometry', 'overlap', 'gap', 'outside_parent', 'duplicate_code', 'retired_code', 'code_outside_community', 'check_inconsistent',
  'households_urban', 'households_rural',
])
export type GridRule = z.infer<typeof GridRule>

/** One finding, where it is: `at` a point on it (for an invalid grid, where GEOS found the fault), `repair` ST_MakeValid's fix. */
export const Issue = z.object({
  code: GridRule,
  gridCode: z.string().optional(),
  message: z.string(),
  at: LonLat,
  repair: Geometry.optional(),
})
export type Issue = z.infer<typeof Issue>

export const GapArea = z.object({ geometry: Geometry, areaM2: z.number(), at: LonLat })
export const OverlapArea = z.object({ codes: z.tuple([z.string(), z.string()]), geometry: Geometry, areaM2: z.number(), at: LonLat })

/**
 * `GET|POST /api/v1/drafts/:id/check`. Gaps and overlaps over `toleranceM2` (on the spheroid) are listed and are
 * errors; smaller ones are the arithmetic of 1e-6° coordinates, not a drawing.
 */
export const DraftCheck = z.object({
  draftId: z.number().int(),
  version: z.number().int(),
  toleranceM2: z.number(),
  errors: z.array(Issue),
  warnings: z.array(Issue),
  gaps: z.array(GapArea),
  overlaps: z.array(OverlapArea),
})
export type DraftCheck = z.infer<typeof DraftCheck>

/** An open case publishing moves to another grid, because the grid that now covers its point has another code. */
export const CaseMove = z.object({ caseId: z.number().int(), caseCode: z.string(), from: z.string(), to: z.string() })
export type CaseMove = z.infer<typeof CaseMove>

/** `GET /api/v1/drafts/:id/diff`: what publishing would do to the community's current grids and open cases. */
export const DraftDiff = z.object({
  draftId: z.number().int(),
  version: z.number().int(),
  added: z.array(z.object({ code: z.string(), name: z.string(), sourceCode: z.string().nullable() })),
  removed: z.array(z.object({ code: z.string(), name: z.string() })),
  /** `attributes` names the properties that changed, e.g. `['households', 'name']`. */
  changed: z.array(z.object({ code: z.string(), name: z.string(), geometry: z.boolean(), attributes: z.array(z.string()) })),
  moves: z.array(CaseMove),
})
export type DraftDiff = z.infer<typeof DraftDiff>

/** What a publish did: the grids given a new version (`changed`), opened and closed, and the cases moved. */
export const PublishResult = z.object({
  draft: DraftSummary,
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
  moves: z.array(CaseMove),
})
export type PublishResult = z.infer<typeof PublishResult>
