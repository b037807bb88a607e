import { z } from 'zod'
import { CaseSummary } from './cases'
import { CaseCategory, CaseSource, DisputeKind, HazardKind } from './domain'
import { RequiredText, Text } from './fields'
import { LonLat, QueryNumber } from './geo'

/** The channels a seat takes reports from: calls (12345, 110), petitions and visitors at the hall (一厅式受理). */
export const SeatChannel = z.enum(['hotline_12345', 'police_110', 'petition_office', 'walk_in'])
export type SeatChannel = z.infer<typeof SeatChannel>

/** Channels whose reports carry the channel's own ticket number (工单号/接警号/信访件号): required and unique per channel. */
export const TICKETED: readonly CaseSource[] = ['hotline_12345', 'police_110', 'petition_office', 'mini_program']

/** A channel's ticket number, e.g. `12345-20261205-0042`: letters, digits, `-` and `_`, 1–40 characters. */
export const Ticket = z.string({ error: 'must be text' }).trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'must be 1–40 letters, digits, - or _')

/** The person who called or came, as the seat took it down: personal, stored with the parties, never broadcast. */
export const Caller = z.strictObject({
  name: RequiredText(40),
  phone: z.string().regex(/^(1\d{10}|0\d{9,11})$/, 'must be an 11-digit mobile or a landline number with its area code').optional(),
})
export type Caller = z.infer<typeof Caller>

/**
 * `POST /api/v1/intake`: a seat files what a caller, an alert, a petition or a visitor reported. `location` is
 * where it happened (a click on the map, or the point of a place found in the gazetteer), `address` how the caller
 * put it. With `mergeInto` the report is added to that open case instead (并案): one case, both reports, both told.
 * Example: `{ channel: 'hotline_12345', ticket: '12345-20261205-0042', category: 'dispute', kind: 'neighbour',
 * location: [125.33, 46.41], address: '中华大街安达市第一中学东门', description: '…', caller: { name: '王女士', phone: '13904561234' } }`.
 */
export const IntakeReport = z
  .strictObject({
    channel: SeatChannel,
    ticket: Ticket.optional(),
    category: CaseCategory,
    kind: z.union([DisputeKind, HazardKind]),
    location: LonLat,
    address: Text(200).default(''),
    description: RequiredText(2000),
    caller: Caller,
    mergeInto: z.number().int().positive().optional(),
  })
  .superRefine((r, ctx) => {
    const kinds: readonly string[] = r.category === 'dispute' ? DisputeKind.options : HazardKind.options
    if (!kinds.includes(r.kind)) ctx.addIssue({ code: 'custom', path: ['kind'], message: `must be one of ${kinds.join(', ')} for a ${r.category}` })
    if (TICKETED.includes(r.channel) && r.ticket === undefined) ctx.addIssue({ code: 'custom', path: ['ticket'], message: `is required for a report by ${r.channel}` })
  })
export type IntakeReport = z.input<typeof IntakeReport>

/** One way a case was reported: its channel, the channel's ticket, when; a case merged from several has several. */
export const CaseReportInfo = z.object({
  id: z.number().int(),
  channel: CaseSource,
  ticket: z.string().nullable(),
  reportedAt: z.string(),
  /** How the reporter put where it was; '' when they did not. */
  address: z.string(),
  /** The answers (回告) owed to this report's channel and how far each got. */
  answers: z.array(z.object({
    event: z.enum(['answered', 'closed']),
    state: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    deliveredAt: z.string().nullable(),
    lastError: z.string().nullable(),
  })),
})
export type CaseReportInfo = z.infer<typeof CaseReportInfo>

/** `GET /api/v1/cases/:id/reports`: the case's reports, oldest first. */
export const CaseReports = z.object({ caseId: z.number().int(), reports: z.array(CaseReportInfo) })
export type CaseReports = z.infer<typeof CaseReports>

/** What `POST /api/v1/intake` answers: the case (new, 201; or the one merged into, 200) and the report filed. */
export const IntakeResult = z.object({ case: CaseSummary, report: CaseReportInfo, merged: z.boolean() })
export type IntakeResult = z.infer<typeof IntakeResult>

/**
 * `GET /api/v1/intake/similar?kind=&lon=&lat=&channel=&ticket=&phone=`: cases a new report may be a duplicate of:
 * the same kind within `SIMILAR_METRES` and `SIMILAR_DAYS`, the same ticket of the channel, or the same caller.
 */
export const SimilarQuery = z.strictObject({
  kind: z.union([DisputeKind, HazardKind]).optional(),
  lon: QueryNumber.pipe(z.number().min(-180).max(180)).optional(),
  lat: QueryNumber.pipe(z.number().min(-90).max(90)).optional(),
  channel: CaseSource.optional(),
  ticket: Ticket.optional(),
  phone: z.string().regex(/^(1\d{10}|0\d{9,11})$/, 'must be an 11-digit mobile or a landline number with its area code').optional(),
}).superRefine((q, ctx) => {
  if ((q.lon === undefined) !== (q.lat === undefined)) ctx.addIssue({ code: 'custom', path: [q.lon === undefined ? 'lon' : 'lat'], message: 'is required with the other coordinate' })
  if (q.ticket !== undefined && q.channel === undefined) ctx.addIssue({ code: 'custom', path: ['channel'], message: 'is required with ticket' })
})
export type SimilarQuery = z.infer<typeof SimilarQuery>

export const SIMILAR_METRES = 300
export const SIMILAR_DAYS = 7

/** Why a case is offered as a duplicate. */
export const SimilarWhy = z.enum(['nearby', 'ticket', 'caller'])
export type SimilarWhy = z.infer<typeof SimilarWhy>

export const SimilarCase = z.object({ case: CaseSummary, why: z.array(SimilarWhy), metres: z.number().nullable() })
export type SimilarCase = z.infer<typeof SimilarCase>

/** A place of the gazetteer (地名地址库): a township, community, village, road or landmark, and where it is. */
export const PlaceKind = z.enum(['township', 'community', 'village', 'road', 'landmark'])
export type PlaceKind = z.infer<typeof PlaceKind>

export const Place = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: PlaceKind,
  /** The township (and community, for a place inside one) it lies in, by name, to tell two of a name apart. */
  within: z.string(),
  location: z.tuple([z.number(), z.number()]),
  /** How well it matched the query, 0–1. */
  score: z.number(),
})
export type Place = z.infer<typeof Place>

/** `GET /api/v1/places?q=&limit=`: places whose names match `q`, typed in Chinese, in part or with a character off. */
export const PlacesQuery = z.strictObject({
  q: RequiredText(60),
  limit: QueryNumber.pipe(z.number().int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50')).default(10),
})
export type PlacesQuery = z.infer<typeof PlacesQuery>

/**
 * `GET /api/v1/search?q=`: one box for a case number (`AD20261205009746`), a ticket number, a place, or, for a
 * role that may see parties, a caller's phone (each such search logged as a read of the parties it finds).
 */
export const SearchQuery = z.strictObject({ q: RequiredText(60) })
export type SearchQuery = z.infer<typeof SearchQuery>

export const SearchResult = z.object({
  cases: z.array(z.object({ case: CaseSummary, matched: z.enum(['code', 'ticket', 'phone']) })),
  places: z.array(Place),
})
export type SearchResult = z.infer<typeof SearchResult>

/** `POST /api/v1/cases/:id/photos` answers this; the image is the request body (JPEG, PNG or WebP, ≤ 8 MiB). */
export const PhotoInfo = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  /** Where the phone said it was taken (its GPS metadata, kept); null when it said nothing. */
  takenAt: z.tuple([z.number(), z.number()]).nullable(),
  addedAt: z.string(),
})
export type PhotoInfo = z.infer<typeof PhotoInfo>

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024

/** The path of a case's photo, full size or thumbnail. */
export const photoPath = (caseId: number, photoId: number, thumb = false) => `/api/v1/cases/${caseId}/photos/${photoId}${thumb ? '/thumb' : ''}.jpg`

export const CasePhotos = z.object({ caseId: z.number().int(), photos: z.array(PhotoInfo) })
export type CasePhotos = z.infer<typeof CasePhotos>

/** The header a client names its report with so that sending it again (after a lost answer, from an offline queue) files it once. */
export const IDEMPOTENCY_HEADER = 'idempotency-key'
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,80}$/, 'must be 8–80 letters, digits, - or _')


/** Channels whose answers (回告) go to an outside system's HTTP endpoint. */
export const AnsweredChannel = z.enum(['mini_program', 'hotline_12345', 'police_110', 'petition_office'])
export type AnsweredChannel = z.infer<typeof AnsweredChannel>

/** `PUT /api/v1/answer-endpoints/:channel` (admins): where a channel's answers go and the secret they are signed with. */
export const AnswerEndpointSet = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }),
  secret: z.string().min(16, 'must be at least 16 characters').max(200, 'must be at most 200 characters'),
  enabled: z.boolean().default(true),
})
export type AnswerEndpointSet = z.input<typeof AnswerEndpointSet>

/** A channel's endpoint as listed: never its secret. */
export const AnswerEndpoint = z.object({ channel: AnsweredChannel, url: z.string(), enabled: z.boolean() })
export type AnswerEndpoint = z.infer<typeof AnswerEndpoint>
