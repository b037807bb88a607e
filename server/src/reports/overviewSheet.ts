import type { CellValue, Workbook } from 'exceljs'
import { type Figures, labels, type Measures } from '../../../contract'
import { MEASURES, MEDIATION_MEASURES } from './measureColumns'
import { reportTitle } from './reportName'
import { type Column, type Format, freezeThrough, noteRows, titledSheet, writeTable } from './sheetTable'

/** The case figures a report leads with; the rest are in the split sheets. */
const HEADLINE: readonly (keyof Measures)[] = [
  'received', 'disputes', 'closed', 'closedRate', 'resolved', 'resolvedRate', 'closedInPeriod', 'onTimeRate', 'gridLevelShare', 'satisfaction',
  'ranOver', 'sendBacks', 'reopened',
]

type Line = { label: string; current: number | null; lastYear: number | null; previous: number | null; format: Format }

/** A Beijing wall time, to the minute: 2026-11-23 11:00. */
export const beijingTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

/**
 * now − then as a formula, so that a figure a clerk corrects carries into its change; its result is written
 * too, for readers that do not calculate. Empty when either is missing.
 */
function change(line: Line, then: 'lastYear' | 'previous', at: number, nowCol: string, thenCol: string): CellValue {
  const before = line[then]
  if (line.current === null || before === null) return null
  return { formula: `${nowCol}${at}-${thenCol}${at}`, result: line.current - before }
}

/** 概览: the headline figures of the period, the same period a year before (同比) and the period before (环比), and the changes. */
export function overviewSheet(wb: Workbook, f: Figures): void {
  const ws = titledSheet(wb, '概览', reportTitle({ area: f.area, period: f.period.current }))
  ws.addRow([`区域：${f.area.name}${f.area.code ? `（${f.area.code}）` : ''}　统计期：${f.period.current.from} 至 ${f.period.current.to}`])
  const { totals, mediation } = f
  const lines: Line[] = [
    ...HEADLINE.map((key) => ({
      label: labels.measure[key], current: totals.current[key], lastYear: totals.lastYear[key], previous: totals.previous[key],
      format: MEASURES.find(([k]) => k === key)![1],
    })),
    ...MEDIATION_MEASURES.map(([key, format]) => ({
      label: labels.mediationMeasure[key], current: mediation.current[key], lastYear: mediation.lastYear[key], previous: mediation.previous[key], format,
    })),
    { label: '当前超期未办结(时点数)', current: f.overdueNow, lastYear: null, previous: null, format: 'count' },
  ]
  const changeFormat = (l: Line): Format => (l.format === 'rate' ? 'rateChange' : l.format === 'yuan' ? 'yuanChange' : 'countChange')
  const columns: Column<Line>[] = [
    { header: '指标', value: (l) => l.label },
    { header: `本期(${f.period.current.label})`, value: (l) => l.current, format: (l) => l.format },
    { header: `去年同期(${f.period.lastYear.label})`, value: (l) => l.lastYear, format: (l) => l.format },
    { header: '同比增减', value: (l, at) => change(l, 'lastYear', at, 'B', 'C'), format: changeFormat },
    { header: `上期(${f.period.previous.label})`, value: (l) => l.previous, format: (l) => l.format },
    { header: '环比增减', value: (l, at) => change(l, 'previous', at, 'B', 'E'), format: changeFormat },
  ]
  freezeThrough(ws, writeTable(ws, columns, lines))
  noteRows(ws, figureNotes(f))
}

/** Where the figures come from, for the foot of every sheet. */
export const figureNotes = (f: Pick<Figures, 'at' | 'seq'>): string[] => [
  '指标口径见说明文档(README)“The figures”一节：受理、办结、化解按本期受理的案件计；期内结案、按时办结、网格化解占比、满意率按本期结案的案件计。',
  '率为空表示无可除之数；率的增减为百分点。',
  `数据读取于 ${beijingTime(f.at)}(北京时间)，日志序号 ${f.seq}。`,
]
