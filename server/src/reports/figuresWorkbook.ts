import ExcelJS from 'exceljs'
import {
  type AreaRow, type BodyRow, type ChannelRow, type DepartmentRow, type Figures, type KindRow, labels, type MediationKindRow, type RankingRow,
  type Rankings,
} from '../../../contract'
import { MIN_CLOSED_TO_RANK, SCORE_WEIGHTS } from '../../../domain/ranking'
import { measureColumns, mediationColumns } from './measureColumns'
import { beijingTime, figureNotes, overviewSheet } from './overviewSheet'
import { reportTitle } from './reportName'
import { inReportOrder } from './reportOrder'
import { type Column, freezeThrough, noteRows, sectionRow, titledSheet, writeTable } from './sheetTable'

const KIND_NAMES: Readonly<Record<string, string>> = { ...labels.disputeKind, ...labels.hazardKind }
const kindName = (r: KindRow) => KIND_NAMES[r.kind] ?? r.kind

/**
 * A period's report as a workbook a clerk can edit: 概览 with 同比 and 环比, then the figures split by area
 * one level down, channel, kind, department and mediation, and the ranking of that level's units. Numbers
 * stay numbers (rates as fractions in a percent format). The figures hold no case text and no person's name,
 * and neither does the workbook. `ranked` is null for an area with nothing below it (a grid).
 */
export function figuresWorkbook(read: Figures, ranked: Rankings | null): ExcelJS.Workbook {
  const f = inReportOrder(read)
  const wb = new ExcelJS.Workbook()
  wb.creator = '综治中心指挥平台'
  wb.title = reportTitle({ area: f.area, period: f.period.current })
  wb.created = wb.modified = new Date(f.at)
  const title = (what: string) => `${f.area.name}${f.period.current.label}${what}`
  const notes = figureNotes(f)

  overviewSheet(wb, f)
  if (ranked) {
    const unit = labels.rankedUnit[ranked.unit]
    split<AreaRow>(wb, `分${unit}`, title(`分${unit}情况`), [
      { header: '区划代码', value: (r) => r.code }, { header: '名称', value: (r) => r.name }, ...measureColumns((r: AreaRow) => r.measures),
    ], f.byArea, notes)
  }
  split<ChannelRow>(wb, '分渠道', title('分受理渠道情况'), [
    { header: '受理渠道', value: (r) => labels.caseSource[r.channel] }, ...measureColumns((r: ChannelRow) => r.measures),
  ], f.byChannel, notes)
  split<KindRow>(wb, '分类别', title('分类别情况'), [
    { header: '大类', value: (r) => labels.caseCategory[r.category] }, { header: '类别', value: kindName },
    ...measureColumns((r: KindRow) => r.measures),
  ], f.byKind, notes)
  split<DepartmentRow>(wb, '分部门', title('分部门情况'), [
    { header: '部门', value: (r) => r.department }, ...measureColumns((r: DepartmentRow) => r.measures),
  ], f.byDepartment, notes)
  mediationSheet(wb, f, title('矛盾纠纷调解情况'), notes)
  if (ranked) rankingSheet(wb, ranked, title(`${labels.rankedUnit[ranked.unit]}考核排名`), f.at)
  return wb
}

/** A sheet with one table, its header frozen, and the notes under it. */
function split<R>(wb: ExcelJS.Workbook, name: string, title: string, columns: Column<R>[], rows: readonly R[], notes: readonly string[]) {
  const ws = titledSheet(wb, name, title)
  freezeThrough(ws, writeTable(ws, columns, rows))
  noteRows(ws, notes)
}

function mediationSheet(wb: ExcelJS.Workbook, f: Figures, title: string, notes: readonly string[]) {
  const ws = titledSheet(wb, '调解', title)
  sectionRow(ws, '按调解组织')
  freezeThrough(ws, writeTable<BodyRow>(ws, [
    { header: '调解组织', value: (r) => r.name }, { header: '组织类型', value: (r) => labels.mediationBodyKind[r.kind] },
    ...mediationColumns((r: BodyRow) => r.measures),
  ], f.mediationByBody))
  ws.addRow([])
  sectionRow(ws, '按调解类型')
  writeTable<MediationKindRow>(ws, [
    { header: '调解类型', value: (r) => labels.mediationKind[r.kind] }, ...mediationColumns((r: MediationKindRow) => r.measures),
  ], f.mediationByKind)
  noteRows(ws, notes)
}

/** The units ranked by score, with what the score weighs; its own `seq`, as it is read apart from the figures. */
function rankingSheet(wb: ExcelJS.Workbook, ranked: Rankings, title: string, at: string) {
  const weights = Object.entries(SCORE_WEIGHTS) as [keyof typeof SCORE_WEIGHTS, number][]
  split<RankingRow>(wb, '排名', title, [
    { header: '名次', value: (r) => r.place, format: 'count' },
    { header: '名称', value: (r) => r.name },
    { header: '区划代码', value: (r) => r.code },
    { header: '考核得分', value: (r) => r.score, format: 'score' },
    ...measureColumns((r: RankingRow) => r.measures),
    { header: '上期名次', value: (r) => r.previousPlace, format: 'count' },
  ], ranked.rows, [
    `考核得分(满分100)按权重计：${weights.map(([k, w]) => `${labels.scorePart[k]}${w}`).join('、')}；无可除之数的项不计，其权重由其余各项分担。`,
    `期内结案不足${MIN_CLOSED_TO_RANK}件的单位不排名，列在最后。`,
    `数据读取于 ${beijingTime(at)}(北京时间)，日志序号 ${ranked.seq}。`,
  ])
}
