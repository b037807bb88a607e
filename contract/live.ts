import { z } from 'zod'
import { CaseSummary } from './cases'
import { CameraClass, CameraState, CaseSource, DEPARTMENT_NAME, PatrolKind } from './domain'
import { Geometry } from './geo'
import { GridProps } from './grids'
import { AreaCode } from './fields'

/**
 * Bumped on any change a client of the previous version could not read; checked at connect. 2: a device
 * gateway's batch arrives as one `patrols` change.
 */
export const PROTOCOL_VERSION = 2

/** A camera's public state, as the stream carries it. */
export const CameraView = z.object({
  id: z.number().int(),
  code: z.string(),
  class: CameraClass,
  state: CameraState,
  stateChangedAt: z.string(),
  location: z.tuple([z.number(), z.number()]),
  townshipCode: z.string().nullable(),
  /** The current grid its point lies in (null outside every grid): the grid room that hears of it. */
  gridCode: z.string().nullable(),
  /** Where it looks: compass bearing of the view's axis, its field of view, and how far it sees. */
  bearingDeg: z.number(),
  fovDeg: z.number(),
  rangeM: z.number(),
})
export type CameraView = z.infer<typeof CameraView>

export const Fix = z.object({
  at: z.string(),
  location: z.tuple([z.number(), z.number()]),
  speedMps: z.number().nullable(),
  heading: z.number().nullable(),
  /** The current grid the fix lies in (null outside the city): what patrol coverage counts. */
  gridCode: z.string().nullable(),
})
export type Fix = z.infer<typeof Fix>

/**
 * A patrol unit's new fixes, oldest first; the unit is a call sign, never a person. In a change, of the
 * fixes a batch stored in one grid within one `TRAIL.stepSeconds` only the latest: a screen's trail keeps
 * no more, and the unit's latest fix and its latest in each grid it crossed are always there (a gateway's
 * batch of 50 fixes a unit streams a few). `gridCode`: the
 * grid of its latest fix, where it is now, whose room hears of it. `leftGridCode`: in a change, the grid
 * of its latest fix before these when that was another grid, so that grid's room hears it leave; null
 * otherwise and in a snapshot.
 */
export const PatrolFixes = z.object({
  unitId: z.number().int(),
  code: z.string(),
  kind: PatrolKind,
  townshipCode: z.string(),
  gridCode: z.string().nullable(),
  leftGridCode: z.string().nullable(),
  fixes: z.array(Fix),
})
export type PatrolFixes = z.infer<typeof PatrolFixes>

/**
 * A device gateway's batch: many units' fixes committed together, one change (a change a unit was the
 * cost at province rate: 14,500 rows a second to log, number and read). A client gets the units its rooms
 * hear of, each as a `patrol` change would carry it.
 */
export const PatrolMoves = z.object({ units: z.array(PatrolFixes) })
export type PatrolMoves = z.infer<typeof PatrolMoves>

/**
 * How much of a grid Sharp Eyes cameras see: the share of its area inside any camera's view as built
 * (`designedShare`) and inside a working camera's view now (`workingShare`), both 0..1. A camera
 * going offline lowers `workingShare` of every grid its view reaches.
 */
export const GridCover = z.object({
  gridCode: z.string(),
  townshipCode: z.string(),
  cameras: z.number().int(),
  online: z.number().int(),
  designedShare: z.number(),
  workingShare: z.number(),
})
export type GridCover = z.infer<typeof GridCover>

/**
 * A grid version as published from an analyst's draft, with its shape, so a screen redraws it without a reload:
 * `insert` a new grid, `update` a grid's next version, `delete` a grid closed (its last version, `validTo` set).
 */
export const GridChange = GridProps.extend({ validTo: z.string().nullable(), geometry: Geometry })
export type GridChange = z.infer<typeof GridChange>

/** When a patrol was last in a grid. */
export const GridVisit = z.object({ gridCode: z.string(), lastAt: z.string() })
export type GridVisit = z.infer<typeof GridVisit>

/**
 * How far back the snapshot's patrol trails reach, and how densely: one fix a unit per sample step. A
 * screen keeps a unit's trail at one fix per `stepSeconds`; a change carries no more than that of it.
 */
export const TRAIL = { hours: 2, sampleSeconds: 60, stepSeconds: 30 } as const

const stamped = { seq: z.number().int().positive(), at: z.string() }

/** An answer (回告) that reached the channel a case was reported by: which case, which channel, for which step. No person, no text. */
export const AnswerSent = z.object({
  caseId: z.number().int(),
  caseCode: z.string(),
  channel: CaseSource,
  event: z.enum(['answered', 'closed']),
  gridCode: z.string(),
  townshipCode: z.string(),
})
export type AnswerSent = z.infer<typeof AnswerSent>

/** One committed change, stamped with its position in the change log. */
export const Change = z.discriminatedUnion('entity', [
  z.object({ ...stamped, entity: z.literal('case'), op: z.enum(['insert', 'update']), data: CaseSummary }),
  z.object({ ...stamped, entity: z.literal('camera'), op: z.literal('update'), data: CameraView }),
  z.object({ ...stamped, entity: z.literal('patrol'), op: z.literal('update'), data: PatrolFixes }),
  z.object({ ...stamped, entity: z.literal('patrols'), op: z.literal('update'), data: PatrolMoves }),
  z.object({ ...stamped, entity: z.literal('cover'), op: z.literal('update'), data: GridCover }),
  z.object({ ...stamped, entity: z.literal('grid'), op: z.enum(['insert', 'update', 'delete']), data: GridChange }),
  z.object({ ...stamped, entity: z.literal('answer'), op: z.literal('insert'), data: AnswerSent }),
])
export type Change = z.infer<typeof Change>

/**
 * A room: the whole store (`city`: the demo's city, a province seed's province), one county, township or
 * community (its 12-digit code), one grid (its 15-digit code), or one department (its name: the cases
 * routed to it). A prefecture's or province's room inside a larger store hears of cases only: a wall that
 * wide shows roll-ups, not every patrol fix, camera or cover change. A grid's room hears of its cases, its cover, its
 * new boundaries, the cameras standing in it and the patrols arriving or leaving; a township's and a
 * community's hear of everything in their grids. A client may join only rooms inside its account's scope.
 */
export const Room = z.union([
  z.literal('city'), z.string().regex(/^(province|prefecture|county):\d{12}$/), z.string().regex(/^township:\d{12}$/), z.string().regex(/^community:\d{12}$/), z.string().regex(/^grid:\d{15}$/),
  z.string().regex(new RegExp(`^department:${DEPARTMENT_NAME.source.slice(1)}`, 'u')),
])
export type Room = z.infer<typeof Room>

/** What a client sends when it connects: its protocol, the last position it applied, the rooms it wants. */
export const LiveHandshake = z.strictObject({
  protocol: z.number().int(),
  /** A script's or device's API key; a screen is signed in by its session cookie instead. */
  key: z.string().max(200).optional(),
  since: z.number().int().min(0).optional(),
  rooms: z.array(Room).min(1).max(50).default(['city']),
})
export type LiveHandshake = z.input<typeof LiveHandshake>

/** Frames the server sends. `live:resync`: the client is too far behind (or ahead): load a snapshot. */
export const serverEvents = {
  'live:hello': z.object({ protocol: z.number().int(), seq: z.number().int() }),
  'live:changes': z.array(Change),
  'live:resync': z.object({ reason: z.string(), seq: z.number().int() }),
} as const

/** Frames a client may send; anything else is refused and logged. */
export const clientEvents = {
  'live:ping': z.object({ t: z.number() }),
} as const

/** What the server answers to each client frame (Socket.IO acknowledgement), or `{ error }` when it refuses it. */
export const clientReplies = {
  'live:ping': z.object({ t: z.number(), seq: z.number().int() }),
} as const satisfies Record<keyof typeof clientEvents, z.ZodType>

export type FrameRefused = { error: string }
export type ServerToClientEvents = { [K in keyof typeof serverEvents]: (payload: z.infer<(typeof serverEvents)[K]>) => void }
export type ClientToServerEvents = {
  [K in keyof typeof clientEvents]: (
    payload: z.infer<(typeof clientEvents)[K]>,
    ack: (reply: z.infer<(typeof clientReplies)[K]> | FrameRefused) => void,
  ) => void
}

/**
 * `GET /api/v1/live/snapshot`: everything live at position `seq`; apply changes after it. Each patrol
 * unit's `fixes` are its trail over the last `TRAIL.hours`, one fix per `TRAIL.sampleSeconds`, oldest
 * first, ending with its latest fix. With `?area=<code>` (in the reader's scope), that area's part, as its room
 * carries it: a province's or prefecture's is its cases only (`casesOnlyLevel`), its other lists empty.
 */
export const LiveSnapshot = z.object({
  seq: z.number().int(),
  cases: z.array(CaseSummary),
  cameras: z.array(CameraView),
  patrols: z.array(PatrolFixes),
  covers: z.array(GridCover),
  visits: z.array(GridVisit),
})
export type LiveSnapshot = z.infer<typeof LiveSnapshot>

/** `?area=231281001000`: the snapshot of one area in the reader's scope, for a screen that follows that area's room. */
export const LiveSnapshotQuery = z.strictObject({ area: AreaCode.optional() })
export type LiveSnapshotQuery = z.infer<typeof LiveSnapshotQuery>
