import { z } from 'zod'
import { DisputeKind } from './domain'
import { DeviceTime, INT4_MAX, RegionCode, Text } from './fields'
import { LonLat } from './geo'

/**
 * A mediation body (调解组织): the people's mediation committee (人民调解委员会) of a community or village
 * or of a township, or a specialised committee (专业人民调解委员会) for one field of disputes, serving an area.
 */
export const MediationBodyKind = z.enum(['community', 'township', 'specialised'])
export type MediationBodyKind = z.infer<typeof MediationBodyKind>

/** The field a specialised committee takes: labour disputes, family, traffic accidents, property management, medical, finance, land. */
export const MediationField = z.enum(['labour', 'family', 'traffic', 'property', 'medical', 'financial', 'land'])
export type MediationField = z.infer<typeof MediationField>

/** The four kinds of mediation (四元调解): people's, industry (行业), administrative (行政) and judicial (司法). */
export const MediationKind = z.enum(['people', 'industry', 'administrative', 'judicial'])
export type MediationKind = z.infer<typeof MediationKind>

/** How it is done: on the spot (当场调解), entrusted to a body (委托调解), online (网上调解). */
export const MediationMode = z.enum(['on_site', 'entrusted', 'online'])
export type MediationMode = z.infer<typeof MediationMode>

/** Agreement reached (达成协议) or not. */
export const MediationOutcome = z.enum(['agreement', 'no_agreement'])
export type MediationOutcome = z.infer<typeof MediationOutcome>

/** `GET /api/v1/mediation-bodies?area=`: a body, where it sits and the area it serves (a township's or a community's code; the city's for one serving every township). */
export const MediationBody = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: MediationBodyKind,
  field: MediationField.nullable(),
  areaCode: z.string(),
  location: LonLat,
  /** The kinds of dispute it takes. */
  disputeKinds: z.array(DisputeKind),
})
export type MediationBody = z.infer<typeof MediationBody>

export const MediationBodiesQuery = z.strictObject({ area: RegionCode('area').optional() })
export type MediationBodiesQuery = z.infer<typeof MediationBodiesQuery>

/**
 * A dispute's mediation as recorded: which body, the kind and mode, when it was referred, the sessions held,
 * the outcome and when it ended, the amount the agreement settles (yuan) and its judicial confirmation
 * (司法确认) by a court. The agreement's own terms, which name the parties, stay with them: the record
 * holds what the figures count.
 */
export const Mediation = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  bodyId: z.number().int(),
  bodyName: z.string(),
  kind: MediationKind,
  mode: MediationMode,
  referredAt: z.string(),
  sessions: z.number().int(),
  outcome: MediationOutcome.nullable(),
  endedAt: z.string().nullable(),
  amountYuan: z.number().nullable(),
  confirmedAt: z.string().nullable(),
})
export type Mediation = z.infer<typeof Mediation>

/** A case's mediations, the newest last: `GET /api/v1/cases/:id/mediations`. */
export const CaseMediations = z.object({ caseId: z.number().int(), mediations: z.array(Mediation) })
export type CaseMediations = z.infer<typeof CaseMediations>

const Yuan = z.number({ error: 'must be a number of yuan' }).min(0, 'must not be negative').max(1e11, 'must be at most 100,000,000,000')
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'must have at most two decimals (fen)')

/** `POST /api/v1/cases/:id/mediations`: a dispute referred to a body (移交调解), with the kind and mode of mediation. */
export const ReferToMediation = z.strictObject({
  bodyId: z.number({ error: 'must be the id of a mediation body' }).int('must be a whole number').positive('must be positive').max(INT4_MAX, `must be at most ${INT4_MAX}`),
  kind: MediationKind,
  mode: MediationMode,
  note: Text(500).default(''),
})
export type ReferToMediation = z.infer<typeof ReferToMediation>

/**
 * `PATCH /api/v1/cases/:id/mediations/:mediationId`: what came of it. `outcome` with `sessions` ends it (its
 * amount with an agreement); `confirmedAt` records a court's confirmation of an agreement later.
 */
export const MediationResult = z.strictObject({
  sessions: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(99, 'must be at most 99').optional(),
  outcome: MediationOutcome.optional(),
  amountYuan: Yuan.nullable().optional(),
  confirmedAt: DeviceTime.optional(),
  note: Text(500).default(''),
}).refine((r) => r.outcome !== undefined || r.confirmedAt !== undefined, { message: 'give an outcome, or the date a court confirmed the agreement', path: ['outcome'] })
  .refine((r) => r.outcome === undefined || r.sessions !== undefined, { message: 'is required with an outcome', path: ['sessions'] })
  .refine((r) => r.outcome !== 'no_agreement' || r.amountYuan == null, { message: 'only an agreement settles an amount', path: ['amountYuan'] })
export type MediationResult = z.infer<typeof MediationResult>
