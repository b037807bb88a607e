import { labels, type Measures, type MediationMeasures } from '../../../contract'
import type { Column, Format } from './sheetTable'

/** The case figures in the order a report reads them, each with its format. */
export const MEASURES: readonly [keyof Measures, Format][] = [
  ['received', 'count'], ['disputes', 'count'], ['closed', 'count'], ['closedRate', 'rate'], ['resolved', 'count'], ['resolvedRate', 'rate'],
  ['closedInPeriod', 'count'], ['onTime', 'count'], ['onTimeRate', 'rate'], ['resolvedInPeriod', 'count'], ['resolvedAtGrid', 'count'],
  ['gridLevelShare', 'rate'], ['rated', 'count'], ['satisfied', 'count'], ['satisfaction', 'rate'], ['ranOver', 'count'], ['sendBacks', 'count'],
  ['reopened', 'count'],
]

export const MEDIATION_MEASURES: readonly [keyof MediationMeasures, Format][] = [
  ['referred', 'count'], ['concluded', 'count'], ['mediatedRate', 'rate'], ['agreements', 'count'], ['agreementRate', 'rate'],
  ['confirmed', 'count'], ['amountYuan', 'yuan'],
]

/** A column per case figure of what `of` picks from a row. */
export const measureColumns = <R>(of: (row: R) => Measures): Column<R>[] =>
  MEASURES.map(([key, format]) => ({ header: labels.measure[key], value: (r) => of(r)[key], format }))

export const mediationColumns = <R>(of: (row: R) => MediationMeasures): Column<R>[] =>
  MEDIATION_MEASURES.map(([key, format]) => ({ header: labels.mediationMeasure[key], value: (r) => of(r)[key], format }))
