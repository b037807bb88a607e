import { z } from 'zod'
import {
  ActorRole, CaseCategory, CaseLevel, CaseSource, CaseState, CaseStep, DisputeKind, HazardKind, Satisfaction,
} from './domain'
import { LonLat, QueryNumber } from './geo'

const Text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`)

/** A party to a case; personal data, stored apart and never broadcast. */
export const Party = z.strictObject({
  role: z.enum(['applicant', 'respondent']),
  name: Text(40).min(1, 'is required'),
  phone: z.string().regex(/^1\d{10}$/, 'must be an 11-digit mobile number').optional(),
  idNumber: z.string().regex(/^\d{17}[\dX]$/, 'must be an 18-character ID number').optional(),
})
export type Party = z.infer<typeof Party>

/**
 * `POST /api/v1/cases`: a report. The server resolves grid, community and township from `location`.
 * Example: `{ category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: [125.32, 46.40], description: '…' }`.
 */
export const CaseReport = z
  .strictObject({
    category: CaseCategory,
    kind: z.union([DisputeKind, HazardKind]),
    source: CaseSource,
    location: LonLat,
    description: Text(2000).default(''),
    parties: z.array(Party).max(20).default([]),
  })
  .superRefine((r, ctx) => {
    const kinds: readonly string[] = r.category === 'dispute' ? DisputeKind.options : HazardKind.options
    if (!kinds.includes(r.kind)) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `must be one of ${kinds.join(', ')} for a ${r.category}` })
    }
  })
export type CaseReport = z.input<typeof CaseReport>

/** `POST /api/v1/cases/:id/steps`: the next step of the loop. `route` names a department; `close` the outcome. */
export const StepRequest = z
  .strictObject({
    step: CaseStep,
    note: Text(500).default(''),
    department: Text(40).min(1).optional(),
    resolved: z.boolean().optional(),
    satisfaction: Satisfaction.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.step === 'route' && !s.department) ctx.addIssue({ code: 'custom', path: ['department'], message: 'is required to route a case' })
    if (s.step === 'close') {
      if (s.resolved === undefined) ctx.addIssue({ code: 'custom', path: ['resolved'], message: 'is required to close a case' })
      if (!s.satisfaction) ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: 'is required to close a case' })
    }
  })
export type StepRequest = z.input<typeof StepRequest>

/** A case as the live stream and the lists carry it: public fields only, no description, no parties. */
export const CaseSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  category: CaseCategory,
  kind: z.string(),
  source: CaseSource,
  location: z.tuple([z.number(), z.number()]),
  gridCode: z.string(),
  communityCode: z.string(),
  townshipCode: z.string(),
  level: CaseLevel,
  state: CaseState,
  reportedAt: z.string(),
  dueAt: z.string().nullable(),
  escalations: z.number().int(),
  closedAt: z.string().nullable(),
  resolved: z.boolean().nullable(),
  satisfaction: Satisfaction.nullable(),
})
export type CaseSummary = z.infer<typeof CaseSummary>

export const HistoryEntry = z.object({
  step: CaseStep,
  actorRole: ActorRole,
  level: CaseLevel,
  at: z.string(),
  department: z.string().nullable(),
  note: z.string(),
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

/** `GET /api/v1/cases/:id`: the case, its description and its whole history; still no parties. */
export const CaseDetail = CaseSummary.extend({ description: z.string(), history: z.array(HistoryEntry) })
export type CaseDetail = z.infer<typeof CaseDetail>

/** `GET /api/v1/cases?region=…&grid=…&state=…&overdue=true&limit=…` */
export const CasesQuery = z.strictObject({
  region: z.string().regex(/^\d{12}$/, 'must be a 12-digit region code').optional(),
  grid: z.string().regex(/^\d{15}$/, 'must be a 15-digit grid code').optional(),
  state: z.union([CaseState, z.literal('open')]).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: QueryNumber.pipe(z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000')).default(200),
})
export type CasesQuery = z.infer<typeof CasesQuery>

/** `GET /api/v1/cases/:id/parties`, for a duty leader only; every read is logged. */
export const CaseParties = z.object({ caseId: z.number().int(), parties: z.array(Party) })
export type CaseParties = z.infer<typeof CaseParties>
