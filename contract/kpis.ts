import { z } from 'zod'
import { CameraClass, CaseLevel } from './domain'
import { AreaCode, Count } from './fields'
import { QueryNumber } from './geo'

/** A share 0..1, or null when there is nothing to divide by (no dispute found today, say). */
const Rate = z.number().min(0).max(1).nullable()

/** Disputes found in a period and how many of those are resolved now. */
export const PeriodFigures = z.object({ found: Count(), resolved: Count(), rate: Rate })
export type PeriodFigures = z.infer<typeof PeriodFigures>

/**
 * Open cases at one level: how many, how many past their due time, how many were moved up over a level's
 * head (by the platform's clock, or by a duty leader's 督办), how many wait to be signed for (待签收).
 */
export const LevelFigures = z.object({ open: Count(), overdue: Count(), escalated: Count(), waitingToSign: Count() })
export type LevelFigures = z.infer<typeof LevelFigures>

/** One Beijing day of the trend: disputes found, cases closed, and of those closed on time, asked their satisfaction, and satisfied (as the figures define them). */
export const TrendDay = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  found: Count(),
  closed: Count(),
  onTime: Count(),
  rated: Count(),
  satisfied: Count(),
})
export type TrendDay = z.infer<typeof TrendDay>

/**
 * `GET /api/v1/kpis?region=&patrolHours=`: the figures the reports quote, computed in SQL from the
 * store at log position `seq` and time `at`, for the city, a township, a community or one grid. Days,
 * months and years are Beijing time (UTC+8).
 * - `disputes`: disputes reported today, this month, this year, and of those resolved now;
 * - `gridLevelShare`: of cases closed resolved this year, the share settled at grid level;
 * - `levels`: open cases by the level handling them; `open`, `overdue` and `escalated` their totals;
 * - `onTimeRate`: of cases closed this year, the share that never ran over a time limit;
 * - `satisfaction`: of cases closed this year whose parties were asked, the share satisfied or basically satisfied;
 * each as `GET /api/v1/figures` defines it for the year (one definition: case_figures() in the store);
 * - `cameras`: online and total by class; `patrol`: grids a patrol was in during the last `hours`;
 * - `trend`: the last 30 days, oldest first, today last.
 */
export const Kpis = z.object({
  seq: z.number().int(),
  at: z.string(),
  region: z.string().nullable(),
  disputes: z.object({ today: PeriodFigures, month: PeriodFigures, year: PeriodFigures }),
  gridLevelShare: Rate,
  open: Count(),
  overdue: Count(),
  escalated: Count(),
  /** Open cases no level has signed for yet (待签收), at every level. */
  waitingToSign: Count(),
  /** Departments routed a case that have not reported (报到) yet, and of those the ones past their limit. */
  departmentReports: z.object({ awaiting: Count(), overdue: Count() }),
  levels: z.object(Object.fromEntries(CaseLevel.options.map((l) => [l, LevelFigures])) as Record<CaseLevel, typeof LevelFigures>),
  onTimeRate: Rate,
  satisfaction: Rate,
  cameras: z.object(Object.fromEntries(CameraClass.options.map((c) => [c, z.object({ online: Count(), total: Count() })])) as Record<
    CameraClass, z.ZodObject<{ online: ReturnType<typeof Count>; total: ReturnType<typeof Count> }>
  >),
  patrol: z.object({ hours: z.number().int(), visited: Count(), grids: Count() }),
  trend: z.array(TrendDay),
})
export type Kpis = z.infer<typeof Kpis>

/** How many hours back a patrol counts as having been somewhere, e.g. `patrolHours=4`. */
export const PatrolHours = QueryNumber.pipe(z.number().int('must be a whole number').min(1, 'must be at least 1').max(24, 'must be at most 24')).default(4)

/**
 * `GET /api/v1/kpis` query: a township's or community's 12-digit code or a current grid's 15-digit
 * code (none: the city), and the patrol window in hours.
 */
export const KpisQuery = z.strictObject({
  region: AreaCode.optional(),
  patrolHours: PatrolHours,
})
export type KpisQuery = z.infer<typeof KpisQuery>
