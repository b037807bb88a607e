/**
 * When reports come in over a Beijing day: most between 08:00 and 21:00, and a night hour brings a
 * quarter of what a day hour does. One rule for the demo city's year of cases and its live traffic.
 */
const DAY_FROM = 8
const DAY_UNTIL = 21
const NIGHT_SHARE = 0.25

const beijingHour = (at: Date) => (at.getUTCHours() + 8) % 24
const isDay = (at: Date) => beijingHour(at) >= DAY_FROM && beijingHour(at) < DAY_UNTIL
const DAY_HOURS = DAY_UNTIL - DAY_FROM
/** The day's mean of the weights below, so that `reportRate` averages 1 over a day. */
const MEAN = (DAY_HOURS + (24 - DAY_HOURS) * NIGHT_SHARE) / 24

/** An hour's share of reports beside the busiest hours': 1 by day, 0.25 by night. */
export const reportWeight = (at: Date): number => (isDay(at) ? 1 : NIGHT_SHARE)

/** How many reports an hour brings relative to the day's mean rate: about 1.52 by day and 0.38 by night. */
export const reportRate = (at: Date): number => reportWeight(at) / MEAN
