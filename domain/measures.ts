import type { MediationMeasures, Measures } from '../contract/figures'

/** The counts a period's figures are sums of (case_figures() in the store, column by column). */
export type MeasureCounts = Omit<Measures, 'closedRate' | 'resolvedRate' | 'onTimeRate' | 'gridLevelShare' | 'satisfaction'>
export type MediationCounts = Omit<MediationMeasures, 'mediatedRate' | 'agreementRate'>

/** part ÷ whole, or null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole)

/** The rates of a period's counts, each the share the README defines. */
export const measuresOf = (c: MeasureCounts): Measures => ({
  ...c,
  closedRate: rate(c.closed, c.received),
  resolvedRate: rate(c.resolved, c.disputes),
  onTimeRate: rate(c.onTime, c.closedInPeriod),
  gridLevelShare: rate(c.resolvedAtGrid, c.resolvedInPeriod),
  satisfaction: rate(c.satisfied, c.rated),
})

export const mediationMeasuresOf = (c: MediationCounts): MediationMeasures => ({
  ...c,
  mediatedRate: rate(c.concluded, c.referred),
  agreementRate: rate(c.agreements, c.concluded),
})

export const NO_CASES: MeasureCounts = {
  received: 0, disputes: 0, closed: 0, resolved: 0, closedInPeriod: 0, onTime: 0, resolvedInPeriod: 0, resolvedAtGrid: 0, rated: 0, satisfied: 0,
  ranOver: 0, sendBacks: 0, reopened: 0,
}
export const NO_MEDIATIONS: MediationCounts = { referred: 0, concluded: 0, agreements: 0, confirmed: 0, amountYuan: 0 }
