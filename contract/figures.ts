import { z } from 'zod'
import { CaseCategory, CaseLevel, CaseSource } from './domain'
import { AreaCode, Count } from './fields'
import { MediationBodyKind, MediationKind } from './mediation'

/** A Beijing calendar date, e.g. `2026-11-01`. */
export const BeijingDate = z.string({ error: 'must be a date like 2026-11-01' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-01')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is no such date')
  .refine((s) => s >= '2000-01-01' && s <= '2099-12-31', 'must be within 2000–2099')

/** The periods figures are read for: a Beijing day, ISO week (Monday first), month, quarter, year, or a range of days. */
export const PeriodKind = z.enum(['day', 'week', 'month', 'quarter', 'year', 'range'])
export type PeriodKind = z.infer<typeof PeriodKind>

/** The longest range of days figures are read for: three years. */
export const MAX_RANGE_DAYS = 3 * 366

/**
 * `GET /api/v1/figures`, `/rankings`, `/reports/…` query: the area (none: the reader's own; the city for a
 * city-wide reader) and the period: `period=month&at=2026-11-15` is November 2026 (`at` any day inside it,
 * today when left out), `period=range&from=2026-10-01&to=2026-10-31` the days from–to, both included.
 */
const PeriodFields = z.strictObject({
  area: AreaCode.optional(),
  period: PeriodKind.default('month'),
  at: BeijingDate.optional(),
  from: BeijingDate.optional(),
  to: BeijingDate.optional(),
})
const periodRule = (q: z.infer<typeof PeriodFields>, ctx: z.RefinementCtx) => {
  if (q.period === 'range') {
    if (!q.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required for a range' })
    if (!q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required for a range' })
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' })
    if (q.from && q.to && (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 >= MAX_RANGE_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be less than ${MAX_RANGE_DAYS} days after from` })
    }
    if (q.at) ctx.addIssue({ code: 'custom', path: ['at'], message: 'is for a day, week, month, quarter or year; a range has from and to' })
  } else {
    for (const f of ['from', 'to'] as const) if (q[f]) ctx.addIssue({ code: 'custom', path: [f], message: 'is for period=range' })
  }
}
export const FiguresQuery = PeriodFields.superRefine(periodRule)
export type FiguresQuery = z.infer<typeof FiguresQuery>

/** A period as read: its kind, first and last day (Beijing, both included) and its name, e.g. `2026年11月`. */
export const Period = z.object({ kind: PeriodKind, from: BeijingDate, to: BeijingDate, label: z.string() })
export type Period = z.infer<typeof Period>

const Rate = z.number().min(0).max(1).nullable()

/**
 * What the centre is judged on, for one period and one set of cases (README, "The figures"):
 * - `received` (受理): cases reported in the period; `disputes` of them disputes;
 * - `closed` (办结): of those received, the ones closed by the period's end; `closedRate` (结案率/办结率) = closed ÷ received;
 * - `resolved` (化解): of the disputes received, those closed resolved by the period's end; `resolvedRate` (化解率) = resolved ÷ disputes;
 * - `closedInPeriod`: cases closed in the period, whenever reported, which the next four are shares of:
 *   `onTime` never ran over a time limit (`onTimeRate`), `resolvedInPeriod` resolved, `resolvedAtGrid` of those
 *   resolved at grid level (`gridLevelShare`), `rated` with a satisfaction asked and `satisfied` satisfied or basically (`satisfaction`);
 * - `ranOver` (超期): cases that ran over a time limit during the period: the platform moved them up, or a
 *   level or department took a step after its due time;
 * - `sendBacks` (退回): send-backs in the period; `reopened` (重办): dissatisfied follow-ups that reopened a case in the period.
 * A rate is null when there is nothing to divide by.
 */
export const Measures = z.object({
  received: Count(),
  disputes: Count(),
  closed: Count(),
  closedRate: Rate,
  resolved: Count(),
  resolvedRate: Rate,
  closedInPeriod: Count(),
  onTime: Count(),
  onTimeRate: Rate,
  resolvedInPeriod: Count(),
  resolvedAtGrid: Count(),
  gridLevelShare: Rate,
  rated: Count(),
  satisfied: Count(),
  satisfaction: Rate,
  ranOver: Count(),
  sendBacks: Count(),
  reopened: Count(),
})
export type Measures = z.infer<typeof Measures>

/**
 * Mediation in a period: `referred` (受理) disputes referred to a body in the period; `concluded` (调处) of
 * those, the ones whose mediation ended by the period's end, with or without agreement; `mediatedRate`
 * (调处率) = concluded ÷ referred; `agreements` (调解成功) of the concluded, with an agreement; `confirmed`
 * (司法确认) agreements a court confirmed in the period; `amountYuan` (涉及金额) settled by agreements
 * concluded in the period.
 */
export const MediationMeasures = z.object({
  referred: Count(),
  concluded: Count(),
  mediatedRate: Rate,
  agreements: Count(),
  agreementRate: Rate,
  confirmed: Count(),
  amountYuan: z.number(),
})
export type MediationMeasures = z.infer<typeof MediationMeasures>

/** A figure now, and in the same period last year (同比) and the period before (环比). */
export const Compared = <T extends z.ZodType>(t: T) => z.object({ current: t, lastYear: t, previous: t })

export const ChannelRow = z.object({ channel: CaseSource, measures: Measures })
export const KindRow = z.object({ category: CaseCategory, kind: z.string(), measures: Measures })
export const LevelRow = z.object({ level: CaseLevel, measures: Measures })
export const AreaRow = z.object({ code: z.string(), name: z.string(), measures: Measures })
export const DepartmentRow = z.object({ department: z.string(), measures: Measures })
export const BodyRow = z.object({ bodyId: z.number().int(), name: z.string(), kind: MediationBodyKind, measures: MediationMeasures })
export const MediationKindRow = z.object({ kind: MediationKind, measures: MediationMeasures })
export type ChannelRow = z.infer<typeof ChannelRow>
export type KindRow = z.infer<typeof KindRow>
export type LevelRow = z.infer<typeof LevelRow>
export type AreaRow = z.infer<typeof AreaRow>
export type DepartmentRow = z.infer<typeof DepartmentRow>
export type BodyRow = z.infer<typeof BodyRow>
export type MediationKindRow = z.infer<typeof MediationKindRow>

/**
 * `GET /api/v1/figures`: one area's figures for one period, with 同比 and 环比, split by channel, kind,
 * the level that closed or holds a case, the areas one level down, and the departments cases were routed to
 * (a case routed to two departments counts for each); mediation by body and kind; and `overdueNow`: open
 * cases past their due time at `at` (a figure of the moment, not of the period).
 */
export const Figures = z.object({
  seq: z.number().int(),
  at: z.string(),
  area: z.object({ code: z.string().nullable(), name: z.string(), level: z.string() }),
  period: Compared(Period),
  totals: Compared(Measures),
  mediation: Compared(MediationMeasures),
  byChannel: z.array(ChannelRow),
  byKind: z.array(KindRow),
  byLevel: z.array(LevelRow),
  byArea: z.array(AreaRow),
  byDepartment: z.array(DepartmentRow),
  mediationByBody: z.array(BodyRow),
  mediationByKind: z.array(MediationKindRow),
  overdueNow: Count(),
})
export type Figures = z.infer<typeof Figures>

/** What is ranked for assessment (考核). */
export const RankedUnit = z.enum(['prefecture', 'county', 'township', 'community', 'grid', 'department'])
export type RankedUnit = z.infer<typeof RankedUnit>

/** `GET /api/v1/rankings` query: the period and area as for figures, and the unit ranked. */
export const RankingsQuery = PeriodFields.extend({ unit: RankedUnit.default('township') }).superRefine(periodRule)
export type RankingsQuery = z.infer<typeof RankingsQuery>

/**
 * One place in a ranking: the unit, its measures, its score (0–100, README "Rankings") and place, or null
 * for both when it had too few cases to be ranked fairly; its place in the previous period's ranking.
 */
export const RankingRow = z.object({
  code: z.string(),
  name: z.string(),
  measures: Measures,
  score: z.number().nullable(),
  place: z.number().int().nullable(),
  previousPlace: z.number().int().nullable(),
})
export type RankingRow = z.infer<typeof RankingRow>

/** `GET /api/v1/rankings?unit=township&period=month`: every unit of the area, the ranked first by place, the unranked after. */
export const Rankings = z.object({
  seq: z.number().int(),
  unit: RankedUnit,
  area: z.object({ code: z.string().nullable(), name: z.string() }),
  period: Period,
  rows: z.array(RankingRow),
})
export type Rankings = z.infer<typeof Rankings>
