import { z } from 'zod'
import { CaseDetail, CaseSummary } from './cases'
import { Draft, DraftCheck } from './drafts'
import { IdText, INT4_MAX } from './fields'

/** One thing wrong with a request: `field` is the path of the offending value (`lon`, `location.1`). */
export const ApiIssue = z.object({ field: z.string(), reason: z.string() })
export type ApiIssue = z.infer<typeof ApiIssue>

/** A zod error as the contract's issues, `{ field, reason }` one per offending field; unknown keys each get their own. */
export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), reason: 'is not a known parameter' }))
      : [{ field: issue.path.join('.') || '(root)', reason: issue.message }],
  )
}

/**
 * Every error response has this body, e.g. `{ code: 'invalid_query', message: 'lon: must be a decimal number', issues: [...] }`.
 * Besides `issues` (a 400's bad fields), an error may carry one detail field named here, and only these:
 * - `current`, with a 409 `stale_case`: the case as it is now (its description and history, never its
 *   parties), so the client shows what changed and decides again with its `version`.
 * - `draft`, with a 409 `stale_draft`: the draft as it is now; with a 409 `draft_exists`: the community's open draft.
 * - `check`, with a 422 `check_failed`: the draft's check, whose errors refuse publishing.
 * - `existing`, with a 409 `ticket_taken`: the case that holds the channel's ticket already, to merge into or open.
 */
export const ApiErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(ApiIssue).optional(),
  current: CaseDetail.optional(),
  existing: CaseSummary.optional(),
  draft: Draft.optional(),
  check: DraftCheck.optional(),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBody>

/** The detail fields an error may add to its body. */
export type ApiErrorDetail = Omit<ApiErrorBody, 'code' | 'message' | 'issues'>

/** `GET /api/health` */
export const Health = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pg', 'pglite']),
  postgis: z.string(),
  migration: z.object({ version: z.number().int(), name: z.string() }),
  city: z.object({ regions: z.number().int(), grids: z.number().int() }),
})
export type Health = z.infer<typeof Health>

/** `GET /api/health` with status 503 and a `Retry-After` header: the server is up, its store is not reachable now. */
export const HealthDown = z.object({
  status: z.literal('down'),
  engine: z.enum(['pg', 'pglite']),
  store: z.literal('unreachable'),
  retryAfterSeconds: z.number().int(),
})
export type HealthDown = z.infer<typeof HealthDown>

/** An id of a `bigint` row (a case, a draft) in a path, e.g. the `42` of `/api/v1/cases/42`. */
export const IdParam = z.strictObject({ id: IdText(Number.MAX_SAFE_INTEGER) })

/** An id of an `integer` row (a camera, a patrol unit) in a path, e.g. the `7` of `/api/v1/cameras/7/state`. */
export const DeviceIdParam = z.strictObject({ id: IdText(INT4_MAX) })

/** The query of a route that takes none: any parameter is a 400 naming it. */
export const NoQuery = z.strictObject({})
