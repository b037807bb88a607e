import { z } from 'zod'
import { CaseCategory, CaseLevel } from './domain'
import { AreaCode, Count } from './fields'

/**
 * `GET /api/v1/wall/hourly` and `/wall/attention` query: a township's or community's 12-digit code or a
 * current grid's 15-digit code in the reader's scope (none: the reader's own area, the city for a city-wide one).
 */
export const WallQuery = z.strictObject({ region: AreaCode.optional() })
export type WallQuery = z.infer<typeof WallQuery>

/** One clock hour's reports received (受理), e.g. `{ hour: '2026-11-30T06:00:00.000Z', reports: 4 }`. */
export const HourReports = z.object({ hour: z.iso.datetime(), reports: Count() })
export type HourReports = z.infer<typeof HourReports>

/**
 * `GET /api/v1/wall/hourly`: the reports received in each of the last 24 clock hours, oldest first, the
 * hour now running last (so far), counted as the figures count 受理; stamped with the log position `seq`.
 */
export const HourlyReports = z.object({ seq: z.number().int(), at: z.iso.datetime(), hours: z.array(HourReports).length(24) })
export type HourlyReports = z.infer<typeof HourlyReports>

/**
 * An open case the wall lists because it was moved up (上移督办) or ran past its due time: what it is (no
 * free text, no party), where by name, since when it is overdue and when it was last moved up (null: not).
 * E.g. `{ code: 'AD20261130-0042', category: 'hazard', kind: 'gas', level: 'township', township: '新兴街道',
 * community: '春华社区', overdueSince: null, escalatedAt: '2026-11-30T05:10:00.000Z', escalations: 2 }`.
 */
export const AttentionCase = z.object({
  code: z.string(),
  category: CaseCategory,
  kind: z.string(),
  level: CaseLevel,
  township: z.string(),
  community: z.string(),
  overdueSince: z.iso.datetime().nullable(),
  escalatedAt: z.iso.datetime().nullable(),
  escalations: Count(),
})
export type AttentionCase = z.infer<typeof AttentionCase>

/**
 * `GET /api/v1/wall/attention`: the open cases moved up or overdue, the longest waiting first (the first
 * `cases.length` of `total`), and how many are overdue and how many moved up (a case may be both).
 */
export const AttentionCases = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  overdue: Count(),
  escalated: Count(),
  total: Count(),
  cases: z.array(AttentionCase),
})
export type AttentionCases = z.infer<typeof AttentionCases>

/**
 * `GET /api/v1/duty`: the duty leader on shift at `at` (值班领导), from the duty roster: their name, the desk
 * phone they answer on and the shift's hours; null when the roster names nobody now. Staff data: read by
 * city-wide accounts only, never sent on the live stream.
 */
export const DutyNow = z.object({
  at: z.iso.datetime(),
  leader: z.object({ name: z.string(), deskPhone: z.string(), from: z.iso.datetime(), to: z.iso.datetime() }).nullable(),
})
export type DutyNow = z.infer<typeof DutyNow>
