import { z } from 'zod'
import {
  ActorRole, AnswerChannel, CaseCategory, CaseLevel, CaseSource, CaseState, CaseStep, Department, DisputeKind, HazardKind, LoopStep, Satisfaction,
  SendBackReason,
} from './domain'
import { ExpectedVersion, GridCode, IdText, PostCode, RegionCode, RequiredText, Text } from './fields'
import { LonLat, QueryNumber } from './geo'

/**
 * The case's `version` the caller decided on, e.g. `3`. When the case has changed since (another leader,
 * the platform's clock), the request is refused with a 409 `stale_case` carrying the case as it is now.
 */
const SeenVersion = ExpectedVersion.optional()


/** A party to a case; personal data, stored apart and never broadcast. */
export const Party = z.strictObject({
  role: z.enum(['applicant', 'respondent']),
  name: RequiredText(40),
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

/** What each step needs besides its note, and what it may not carry. */
const STEP_NEEDS: Partial<Record<LoopStep, readonly ('lead' | 'grid' | 'reason' | 'channel' | 'accepted' | 'resolved' | 'satisfaction')[]>> = {
  route: ['lead'], dispatch: ['grid'], send_back: ['reason'], answer: ['channel'], check: ['accepted'], close: ['resolved', 'satisfaction'],
  follow_up: ['satisfaction'],
}

/**
 * `POST /api/v1/cases/:id/steps`: the next step of the loop, with what it needs: `route` a `lead` department
 * and any `assisting` ones; `dispatch` the `grid`; `send_back` a `reason`; `check` whether the result is
 * `accepted`; `answer` the `channel` the reporter was told by and, in `note`, what was said; `close` the
 * outcome (`resolved`) and `satisfaction`; `follow_up` what the reporter said. A duty leader or a service
 * acting for a department names it in `department`. Nothing is assumed: an outcome is never a default.
 * Example: `{ step: 'route', lead: '新兴街道司法所', assisting: ['新兴街道派出所'], note: '涉及土地确权', expectedVersion: 4 }`.
 */
export const StepRequest = z
  .strictObject({
    step: LoopStep,
    note: Text(500).default(''),
    lead: Department.optional(),
    assisting: z.array(Department).max(5, 'must name at most 5 departments').optional(),
    department: Department.optional(),
    grid: GridCode.optional(),
    reason: SendBackReason.optional(),
    channel: AnswerChannel.optional(),
    accepted: z.boolean().optional(),
    resolved: z.boolean().optional(),
    satisfaction: Satisfaction.optional(),
    expectedVersion: SeenVersion,
  })
  .superRefine((s, ctx) => {
    for (const field of STEP_NEEDS[s.step] ?? []) {
      if (s[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is required to ${s.step.replace('_', ' ')} a case` })
    }
    if (s.assisting && s.step !== 'route') ctx.addIssue({ code: 'custom', path: ['assisting'], message: 'is only for route' })
    if (s.assisting && new Set([s.lead, ...s.assisting]).size !== s.assisting.length + 1) {
      ctx.addIssue({ code: 'custom', path: ['assisting'], message: 'must name each department once, and not the lead' })
    }
    if (s.step === 'send_back' && s.reason === 'other' && !s.note.trim()) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'must say why when the reason is other' })
    }
    if (s.step === 'answer' && !s.note.trim()) ctx.addIssue({ code: 'custom', path: ['note'], message: 'must say what the reporter was told' })
    if (s.step === 'follow_up' && s.satisfaction === 'not_visited') {
      ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: 'must be what the reporter said: a follow-up that reached nobody is not recorded' })
    }
  })
export type StepRequest = z.input<typeof StepRequest>

/**
 * `POST /api/v1/cases/:id/escalate`, duty leaders only: move the case up one level by hand (督办), as the
 * platform does when a level runs out of time. Example: `{ reason: '群众多次反映，社区未处置', expectedVersion: 2 }`.
 */
export const EscalateRequest = z.strictObject({
  reason: RequiredText(500),
  expectedVersion: SeenVersion,
})
export type EscalateRequest = z.input<typeof EscalateRequest>

/**
 * `POST /api/v1/cases/:id/assign`, duty leaders only: name the post of the case's grid that takes it
 * (指派), e.g. `{ worker: '231281001001001-F1', note: '请今日入户核实' }`. Beside the loop: state and level stay.
 */
export const AssignRequest = z.strictObject({
  worker: z.string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') }).pipe(PostCode),
  note: Text(500).default(''),
  expectedVersion: SeenVersion,
})
export type AssignRequest = z.input<typeof AssignRequest>

/**
 * `POST /api/v1/cases/:id/acknowledge`, for the centre's seats and duty leaders: an urgent hazard's alarm was
 * received (确认收到), beside the loop. Once per case; e.g. `{ note: '已通知消防救援大队' }`, or `{}`.
 */
export const AcknowledgeRequest = z.strictObject({
  note: Text(500).default(''),
})
export type AcknowledgeRequest = z.input<typeof AcknowledgeRequest>


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
  /** Raised by every change of the case; what `expectedVersion` names. */
  version: z.number().int().min(1),
  /** The grid worker's post the case is assigned to, a call sign like `231281001001001-F1`, never a name. */
  assignee: z.string().nullable(),
  /** The lead department the case's latest route step named (街道吹哨、部门报到), whose desk it reaches; null before any. */
  department: z.string().nullable().default(null),
  /** When the level holding the case signed for it (签收); null: waiting to be signed for. */
  signedAt: z.string().nullable().default(null),
  /** The departments the case is routed to now, the lead first, each with when it reported (报到); null: not yet. */
  departments: z.array(z.object({ name: z.string(), lead: z.boolean(), signDueAt: z.string(), signedAt: z.string().nullable() })).default([]),
  /** The level that sent the case to its holder, to whom a send-back returns it; null when it arrived otherwise. */
  sender: CaseLevel.nullable().default(null),
  /** How often it was sent back (退回) and reopened after a dissatisfied follow-up (回访不满意). */
  sendBacks: z.number().int().default(0),
  reopened: z.number().int().default(0),
  /** When the reporter was visited after closing; null: not yet. */
  followedUpAt: z.string().nullable().default(null),
  /** When a seat or a duty leader confirmed an urgent hazard's alarm was received (确认收到); null: not yet, or not urgent. */
  acknowledgedAt: z.string().nullable().default(null),
})
export type CaseSummary = z.infer<typeof CaseSummary>

export const HistoryEntry = z.object({
  step: CaseStep,
  actorRole: ActorRole,
  level: CaseLevel,
  at: z.string(),
  department: z.string().nullable(),
  /** What was written with the step; null for a role that does not see a case's free text (the wall, the watching seats). */
  note: z.string().nullable(),
  /** The post an `assign` step named; null for every other step. */
  assignee: z.string().nullable(),
  /** The clock the step answered to (a sign-for's, a result's), from which "on time" is counted. */
  dueAt: z.string().nullable().default(null),
  /** A send-back's reason, an answer's channel, a route's assisting departments, a dispatch's grid, a check's verdict, a follow-up's satisfaction. */
  reason: SendBackReason.nullable().default(null),
  channel: AnswerChannel.nullable().default(null),
  assisting: z.array(z.string()).nullable().default(null),
  toGrid: z.string().nullable().default(null),
  accepted: z.boolean().nullable().default(null),
  satisfaction: Satisfaction.nullable().default(null),
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

/** `GET /api/v1/cases/:id`: the case, its description and its whole history; still no parties. */
export const CaseDetail = CaseSummary.extend({
  /** What the reporter said; null for a role that does not see a case's free text, which often names people. */
  description: z.string().nullable(),
  history: z.array(HistoryEntry),
  /** The loop's steps the reader may take next (`nextSteps` of the domain), so a screen offers only those. */
  next: z.array(LoopStep),
  /** The department the reader acts for on this case (a department officer's own, when routed to it); null otherwise. */
  actingFor: z.string().nullable().default(null),
})
export type CaseDetail = z.infer<typeof CaseDetail>

/**
 * `GET /api/v1/cases?region=…&grid=…&kind=…&state=…&overdue=true&closedDays=30&limit=…`: open cases
 * first, overdue ones first (most overdue first), then the oldest; closed ones after, newest closed
 * first. With `closedDays`, closed cases only when closed within that many days (besides the open ones).
 */
export const CasesQuery = z.strictObject({
  region: RegionCode().optional(),
  grid: GridCode.optional(),
  kind: z.union([DisputeKind, HazardKind], { error: `must be one of ${[...DisputeKind.options, ...HazardKind.options].join(', ')}` }).optional(),
  state: z.union([CaseState, z.literal('open')]).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  closedDays: QueryNumber.pipe(z.number().int('must be a whole number').min(1, 'must be at least 1').max(90, 'must be at most 90')).optional(),
  limit: QueryNumber.pipe(z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000')).default(200),
})
export type CasesQuery = z.infer<typeof CasesQuery>

/** `GET /api/v1/cases/:id/parties`, for a duty leader only; every read is logged. */
export const CaseParties = z.object({ caseId: z.number().int(), parties: z.array(Party) })
export type CaseParties = z.infer<typeof CaseParties>

/** `GET /api/v1/party-access-log?case=&limit=`, duty leaders only: newest first, one case's or every case's. */
export const PartyAccessQuery = z.strictObject({
  case: IdText(Number.MAX_SAFE_INTEGER).optional(),
  limit: QueryNumber.pipe(z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000')).default(100),
})
export type PartyAccessQuery = z.infer<typeof PartyAccessQuery>

/** Who opened a case's parties, and when: `actor` is the reader's role and a digest of their token, never a name. */
/** A read of a case's parties: by whom (the login, and the name a person reads: null for an account since removed) and when. */
export const PartyAccess = z.object({ caseId: z.number().int(), caseCode: z.string(), actor: z.string(), actorName: z.string().nullable(), at: z.string() })
export type PartyAccess = z.infer<typeof PartyAccess>
