import { z } from 'zod'
import { CaseSummary } from './cases'
import { AreaCode, Count } from './fields'
import { QueryNumber } from './geo'

/**
 * `GET /api/v1/desk/inbox`: the cases waiting for the reader's level or department, signed for or not, the
 * one with least time left first (overdue ones first, the most overdue first). A level's inbox holds the
 * open cases at its level in its area; a department's those routed to it now; a city-wide desk's those at
 * the city.
 */
export const InboxQuery = z.strictObject({
  limit: QueryNumber.pipe(z.number().int('must be a whole number').min(1, 'must be at least 1').max(5000, 'must be at most 5000')).default(2000),
})
export type InboxQuery = z.infer<typeof InboxQuery>

export const Inbox = z.object({ cases: z.array(CaseSummary), at: z.string() })
export type Inbox = z.infer<typeof Inbox>

/** A share 0..1, null when nothing was due. */
const Rate = z.number().min(0).max(1).nullable()

/**
 * How a holder works the loop over `days`: sign-fors and results on time of those due, send-backs, reopened
 * cases. Each counted where the step was taken (the level's area, or the department).
 */
export const DeskFigures = z.object({
  name: z.string(),
  signed: Count(), signedOnTime: Count(), signedOnTimeRate: Rate,
  handled: Count(), handledOnTime: Count(), handledOnTimeRate: Rate,
  sentBack: Count(),
  reopened: Count(),
  waitingToSign: Count(),
})
export type DeskFigures = z.infer<typeof DeskFigures>

/** `GET /api/v1/desk/figures?area=&days=30`: the area's (or the department's) figures beside its parent's. */
export const DeskFiguresQuery = z.strictObject({
  area: AreaCode.optional(),
  days: QueryNumber.pipe(z.number().int('must be a whole number').min(1, 'must be at least 1').max(366, 'must be at most 366')).default(30),
})
export type DeskFiguresQuery = z.infer<typeof DeskFiguresQuery>

export const DeskNumbers = z.object({ own: DeskFigures, parent: DeskFigures.nullable(), days: z.number().int() })
export type DeskNumbers = z.infer<typeof DeskNumbers>
