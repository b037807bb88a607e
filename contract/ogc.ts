import { z } from 'zod'
import { CameraClass, CameraSite, CameraState, CaptureKind, CaseCategory, CaseLevel, CaseSource, CaseState } from './domain'
import { Count, RegionCode } from './fields'
import { Geometry } from './geo'
import { GridProps } from './grids'
import { RegionProps } from './regions'

// The city's data for desktop GIS: OGC API – Features – Part 1: Core (OGC 17-069r4, version 1.0.1)
// under /ogc, and one region's GeoJSON download under /api/v1/export. Requirement ids (/req/…) are
// the standard's.

/** The conformance classes this API declares, exactly as 17-069r4 table 1 gives their URIs. */
export const OGC_CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
] as const

/** WGS 84 longitude/latitude, the only CRS of the Core (/req/core/crs84); the store's SRID 4326 in lon/lat order. */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'
export const GREGORIAN = 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian'
/** The media type of an OpenAPI 3.0 document in JSON (17-069r4 clause 10; /req/oas30/oas-definition-1). */
export const OPENAPI_JSON = 'application/vnd.oai.openapi+json;version=3.0'

/**
 * Page size of `/items`: the standard's own example values (/req/core/fc-limit-definition), which
 * /per/core/fc-limit-default-minimum-maximum lets a server change; 10,000 holds the whole city's
 * grids or cameras in one page. A larger `limit` is served as 10,000, not refused (/req/core/fc-limit-response-1 C).
 */
export const OGC_LIMIT = { default: 10, max: 10_000 } as const
/** The furthest `offset` a page may start at: far beyond the city, and within a 32-bit integer. */
export const OGC_MAX_OFFSET = 999_999_999

export const OgcCollectionId = z.enum(['grids', 'regions', 'cameras'])
export type OgcCollectionId = z.infer<typeof OgcCollectionId>

/** A link; every link this API writes has `rel` and `type` (/req/core/fc-rel-type). */
export const OgcLink = z.object({ href: z.string(), rel: z.string(), type: z.string(), title: z.string().optional() })
export type OgcLink = z.infer<typeof OgcLink>

/** `GET /ogc/`: links to the API definition, the conformance declaration and the collections (/req/core/root-success). */
export const OgcLandingPage = z.object({ title: z.string(), description: z.string(), links: z.array(OgcLink) })
export type OgcLandingPage = z.infer<typeof OgcLandingPage>

/** `GET /ogc/conformance` (/req/core/conformance-success). */
export const OgcConformance = z.object({ conformsTo: z.array(z.string()) })

const Bbox4 = z.tuple([z.number(), z.number(), z.number(), z.number()])

/**
 * A collection's extent, computed from its data: `{ spatial: { bbox: [[124.8, 46.1, 125.9, 46.8]], crs } }`,
 * and for the grids `temporal: { interval: [['2025-01-01T00:00:00Z', null]] }`: a current grid stays valid.
 */
export const OgcExtent = z.object({
  spatial: z.object({ bbox: z.array(Bbox4).min(1), crs: z.literal(CRS84) }).optional(),
  temporal: z.object({ interval: z.array(z.tuple([z.string().nullable(), z.string().nullable()])).min(1), trs: z.literal(GREGORIAN) }).optional(),
})
export type OgcExtent = z.infer<typeof OgcExtent>

/** One collection as `/ogc/collections` lists it and `/ogc/collections/{collectionId}` sends it (/req/core/sfc-md-success). */
export const OgcCollection = z.object({
  id: OgcCollectionId,
  title: z.string(),
  description: z.string(),
  extent: OgcExtent,
  itemType: z.literal('feature'),
  crs: z.array(z.string()),
  links: z.array(OgcLink),
})
export type OgcCollection = z.infer<typeof OgcCollection>

export const OgcCollections = z.object({ links: z.array(OgcLink), collections: z.array(OgcCollection) })
export type OgcCollections = z.infer<typeof OgcCollections>

const numberText = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/**
 * `bbox=west,south,east,north` in CRS84, or six numbers with a minimum and maximum height after each
 * corner (/req/core/fc-bbox-definition), e.g. `bbox=125.30,46.38,125.34,46.42`. Parsed to
 * `[west, south, east, north]`: the store holds no heights, so heights are checked and then play no part.
 * A west edge east of the east edge is a box across the antimeridian (17-069r4 7.15.3), not an error.
 */
export const OgcBboxParam = z.string().transform((s, ctx) => {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message })
    return z.NEVER
  }
  const parts = s.split(',')
  if ((parts.length !== 4 && parts.length !== 6) || !parts.every((p) => numberText.test(p))) {
    return fail('must be 4 numbers west,south,east,north (or 6, with a minimum and a maximum height)')
  }
  const n = parts.map(Number)
  // Numbers as OpenAPI's `number` allows them, exponents included (a client printing with %g writes 1e-05), but finite.
  if (!n.every(Number.isFinite)) return fail('must be finite numbers')
  const [west, south, east, north] = (n.length === 6 ? [n[0], n[1], n[3], n[4]] : n) as [number, number, number, number]
  if ([west, east].some((lon) => lon < -180 || lon > 180) || [south, north].some((lat) => lat < -90 || lat > 90)) {
    return fail('longitudes must be within -180..180 and latitudes within -90..90')
  }
  if (south > north) return fail('south must not exceed north')
  if (n.length === 6 && n[2]! > n[5]!) return fail('the minimum height must not exceed the maximum')
  return [west, south, east, north] as const
})

const rfc3339 = z.iso.datetime({ offset: true })

/** Parses one end of a `datetime` value; null for an open end (`..` or empty, /req/core/fc-time-response F). */
function timeEnd(s: string): { text: string | null; ms: number } | undefined {
  if (s === '' || s === '..') return { text: null, ms: NaN }
  // RFC 3339 allows a lower-case "t" and "z" (section 5.6, note).
  const text = s.toUpperCase()
  // The calendar has no year 0000 (1 BC comes before AD 1), and PostgreSQL refuses it.
  return rfc3339.safeParse(text).success && !text.startsWith('0000') ? { text, ms: Date.parse(text) } : undefined
}

/**
 * `datetime`: an RFC 3339 date-time or an interval, bounded or open at one end (/req/core/fc-time-definition, D–F),
 * e.g. `2026-01-01T00:00:00Z`, `2026-01-01T00:00:00Z/2026-06-30T00:00:00Z`, `../2026-06-30T00:00:00Z`.
 * Parsed to `{ start, end }`, equal for an instant and null at an open end.
 */
export const OgcDateTimeParam = z.string().transform((s, ctx) => {
  const parts = s.split('/')
  const ends = parts.length <= 2 ? parts.map(timeEnd) : []
  const [start, end = start] = ends
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message })
    return z.NEVER
  }
  if (!start || !end || (parts.length === 1 && start.text === null)) {
    return fail('must be an RFC 3339 date-time, e.g. 2026-01-01T00:00:00Z, or an interval start/end, either end open as ..')
  }
  if (start.text === null && end.text === null) return fail('an interval must have at least one end')
  if (start.ms > end.ms) return fail('the start must not be after the end')
  return { start: start.text, end: end.text }
})
export type OgcDateTime = z.output<typeof OgcDateTimeParam>

const wholeNumber = (what: string) => z.string().regex(/^\d+$/, `must be ${what}`).transform(Number)

/** The formats a JSON resource is sent in: one, so `f=json` names it. */
const JsonFormat = z.enum(['json'], { error: 'must be json' })
/** A feature resource's format: GeoJSON, also named by `f=json`. */
const FeatureFormat = z.enum(['json', 'geojson'], { error: 'must be json or geojson' })

/**
 * The query of the landing page, the conformance declaration and the collections: `f` alone, since an
 * unknown parameter is a 400 (/req/core/query-param-unknown).
 */
export const OgcQuery = z.strictObject({ f: JsonFormat.optional() })

/** `GET /ogc/collections/{collectionId}/items/{featureId}?f=geojson` */
export const OgcFeatureQuery = z.strictObject({ f: FeatureFormat.optional() })

/**
 * `GET /ogc/collections/{collectionId}/items?bbox=…&datetime=…&limit=…&offset=…`. `limit` defaults to
 * 10 and is at most 10,000 (a larger one is served as 10,000); `offset` is where the page starts in
 * the matched features' code order, as the `next` and `prev` links set it.
 */
export const OgcItemsQuery = z.strictObject({
  bbox: OgcBboxParam.optional(),
  datetime: OgcDateTimeParam.optional(),
  limit: wholeNumber(`a whole number, at least 1 (more than ${OGC_LIMIT.max} is served as ${OGC_LIMIT.max})`)
    .pipe(z.number().min(1, 'must be at least 1'))
    .transform((n) => Math.min(n, OGC_LIMIT.max))
    .optional(),
  offset: wholeNumber(`a whole number from 0 to ${OGC_MAX_OFFSET}`)
    .pipe(z.number().max(OGC_MAX_OFFSET, `must be at most ${OGC_MAX_OFFSET}`))
    .optional(),
  f: FeatureFormat.optional(),
})
export type OgcItemsQuery = z.output<typeof OgcItemsQuery>

/** A region as the `regions` collection sends it: the map's properties without the seat, so GIS gets a flat table. */
export const OgcRegionProps = RegionProps.omit({ seat: true })
export type OgcRegionProps = z.infer<typeof OgcRegionProps>

/** A Sharp Eyes camera point: what it is and where it looks (compass degrees, metres); no personal data. */
export const OgcCameraProps = z.strictObject({
  code: z.string(),
  class: CameraClass,
  capture: CaptureKind,
  site: CameraSite,
  state: CameraState,
  bearingDeg: z.number(),
  fovDeg: z.number(),
  rangeM: z.number(),
})
export type OgcCameraProps = z.infer<typeof OgcCameraProps>

const feature = <P extends z.ZodType>(properties: P) =>
  z.object({ type: z.literal('Feature'), id: z.string(), geometry: Geometry, properties })

/** One feature (/req/geojson/content): its `id` is the `featureId` of its URI, with `self` and `collection` links. */
export const ogcFeature = <P extends z.ZodType>(properties: P) => feature(properties).extend({ links: z.array(OgcLink) })

/** A page of `/items` (/req/core/fc-response, /req/geojson/content). */
export const ogcFeatureCollection = <P extends z.ZodType>(properties: P) =>
  z.object({
    type: z.literal('FeatureCollection'),
    timeStamp: z.iso.datetime(),
    numberMatched: Count(),
    numberReturned: Count(),
    links: z.array(OgcLink),
    features: z.array(feature(properties)),
  })

/** The layers a region's export can hold. */
export const ExportLayer = z.enum(['grids', 'cameras', 'cases'])
export type ExportLayer = z.infer<typeof ExportLayer>

/** `/api/v1/export/:regionCode`: a city, township/street or community/village code. */
export const ExportParams = z.strictObject({ regionCode: RegionCode() })

/** `GET /api/v1/export/231281100000?layers=grids,cases`; all three layers when `layers` is not given. */
export const ExportQuery = z.strictObject({
  layers: z
    .string()
    .transform((s, ctx) => {
      const names = s.split(',')
      if (!names.every((n): n is ExportLayer => ExportLayer.safeParse(n).success)) {
        ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of ${ExportLayer.options.join(', ')}` })
        return z.NEVER
      }
      if (new Set(names).size !== names.length) {
        ctx.addIssue({ code: 'custom', message: 'must not name a layer twice' })
        return z.NEVER
      }
      return names
    })
    .optional(),
})

/** A case as the export carries it: public fields only, never its description or its parties. */
export const ExportCaseProps = z.strictObject({
  layer: z.literal('cases'),
  code: z.string(),
  category: CaseCategory,
  kind: z.string(),
  source: CaseSource,
  level: CaseLevel,
  state: CaseState,
  reportedAt: z.string(),
  closedAt: z.string().nullable(),
  gridCode: z.string(),
})

/** Every exported feature says which layer it belongs to in `layer`. */
export const ExportProps = z.discriminatedUnion('layer', [
  GridProps.extend({ layer: z.literal('grids') }),
  OgcCameraProps.extend({ layer: z.literal('cameras') }),
  ExportCaseProps,
])
export type ExportProps = z.infer<typeof ExportProps>

/** A region's export: one GeoJSON FeatureCollection, grids first, then cameras, then cases, each in code order. */
export const ExportCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(feature(ExportProps)) })
export type ExportCollection = z.infer<typeof ExportCollection>
