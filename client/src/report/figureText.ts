import type { Measures, MediationMeasures } from '../../../contract'
import { count, percent } from '../ui/format'

type Key = keyof Measures | keyof MediationMeasures

/** The figures that are shares (0–1, printed `93.1%`); every other is a count, or yuan. */
const RATES: ReadonlySet<Key> = new Set<Key>(['closedRate', 'resolvedRate', 'onTimeRate', 'gridLevelShare', 'satisfaction', 'mediatedRate', 'agreementRate'])

export const isRate = (key: Key) => RATES.has(key)

/** A figure as printed: `93.1%` for a share, `—` when it had nothing to divide by; `1,234` for a count; whole yuan. */
export const figureText = (key: Key, value: number | null) => (isRate(key) ? percent(value) : count(Math.round(value ?? 0)))

/** The columns of a table of measures, one row per area, channel, kind or department: what a reader of such tables looks for. */
export const MEASURE_COLUMNS = [
  'received', 'disputes', 'closed', 'closedRate', 'resolvedRate', 'onTimeRate', 'gridLevelShare', 'satisfaction', 'ranOver', 'sendBacks', 'reopened',
] as const satisfies readonly (keyof Measures)[]

export const MEDIATION_COLUMNS = [
  'referred', 'concluded', 'mediatedRate', 'agreements', 'agreementRate', 'confirmed', 'amountYuan',
] as const satisfies readonly (keyof MediationMeasures)[]
