import { z } from 'zod'
import { Department, DepartmentLevel, DisputeKind, HazardKind, Holder } from './domain'
import { RegionCode } from './fields'

/**
 * A department cases are routed to (街道吹哨、部门报到): a township office (司法所, 派出所 of one township),
 * which that township routes to, or a city bureau, which any township and the city route to.
 */
export const DepartmentInfo = z.object({
  name: z.string(),
  level: DepartmentLevel,
  /** The township a township office belongs to; null for a city bureau. */
  townshipCode: z.string().nullable(),
  enabled: z.boolean(),
})
export type DepartmentInfo = z.infer<typeof DepartmentInfo>

/** `POST /api/v1/departments`, admins only: e.g. `{ name: '新兴街道司法所', level: 'township', townshipCode: '231281001000' }`. */
export const NewDepartment = z.strictObject({
  name: Department,
  level: DepartmentLevel,
  townshipCode: RegionCode('township').optional(),
}).superRefine((d, ctx) => {
  if (d.level === 'township' && !d.townshipCode) ctx.addIssue({ code: 'custom', path: ['townshipCode'], message: 'is required for a township office' })
  if (d.level === 'city' && d.townshipCode) ctx.addIssue({ code: 'custom', path: ['townshipCode'], message: 'must be left out for a city bureau' })
})
export type NewDepartment = z.input<typeof NewDepartment>

/** `PATCH /api/v1/departments/:name`, admins only: a disabled department is routed nothing new; what it holds stays its. */
export const DepartmentPatch = z.strictObject({ enabled: z.boolean() })
export type DepartmentPatch = z.infer<typeof DepartmentPatch>

const Hours = z.number({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a number of hours') })
  .positive('must be more than 0 hours').max(24 * 365, 'must be at most a year')

/**
 * One row of the time limits (`GET /api/v1/time-limits`; `PUT` by admins): a holder's hours to sign for a case
 * and to handle it, for every kind (`kind` null) or one kind, which overrides the holder's row for that kind.
 */
export const TimeLimitRow = z.strictObject({
  holder: Holder,
  kind: z.union([DisputeKind, HazardKind]).nullable(),
  signHours: Hours,
  handleHours: Hours,
})
export type TimeLimitRow = z.infer<typeof TimeLimitRow>

/** `PUT /api/v1/time-limits`: the whole table; every holder needs a row for every kind (`kind` null). */
export const TimeLimitTable = z.array(TimeLimitRow).max(100).superRefine((rows, ctx) => {
  for (const holder of Holder.options) {
    if (!rows.some((r) => r.holder === holder && r.kind === null)) ctx.addIssue({ code: 'custom', path: [], message: `needs a row for ${holder} with kind null` })
  }
  const seen = new Set<string>()
  rows.forEach((r, i) => {
    const key = `${r.holder}/${r.kind}`
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `names ${r.holder} and ${r.kind ?? 'every kind'} twice` })
    seen.add(key)
  })
})
export type TimeLimitTable = z.infer<typeof TimeLimitTable>
