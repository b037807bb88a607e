import { labels } from '../../../contract'
import { kindLabel } from '../cases/kindLabel'
import { dateTime } from '../ui/format'
import { BarChart } from './BarChart'
import { HeadlineTable } from './HeadlineTable'
import { MeasureTable } from './MeasureTable'
import { MediationBodyTable, MediationKindTable, TOP_BODIES } from './MediationTables'
import { RankingTable } from './RankingTable'
import type { ReportData } from './useReport'

const NUMERALS = '一二三四五六七八九十'

/** Numbers a document's parts in the order they are printed, `一、` first, so that a part left out leaves no gap. */
function partNumbers(): () => string {
  let n = 0
  return () => `${NUMERALS[n++] ?? n}、`
}

/**
 * The report as printed on A4, each part starting a page: the headline figures with 同比 and 环比; the areas one
 * level down with their cases now and last year; channels, kinds and departments; mediation; the ranking.
 * Counts only: no case and no person is named.
 */
export function ReportDocument({ data }: { data: ReportData }) {
  const { figures, rankings, lastYear } = data
  const { area, period, totals } = figures
  const name = labels.reportName[period.current.kind]
  const below = rankings ? labels.rankedUnit[rankings.unit] : '下级区域'
  const lastYearOf = new Map(lastYear?.rows.map((r) => [r.code, r.measures.received]) ?? [])
  const byChannel = [...figures.byChannel].sort((a, b) => b.measures.received - a.measures.received)
  const byKind = [...figures.byKind].sort((a, b) => b.measures.received - a.measures.received)
  const byDepartment = [...figures.byDepartment].sort((a, b) => b.measures.received - a.measures.received)
  const part = partNumbers()
  return (
    <article className="paper report" data-testid="report" data-ready="true" aria-labelledby="report-title">
      <section className="sheet">
        <header className="doc-head">
          <h1 id="report-title" data-testid="report-title">{area.name}综治工作{name}</h1>
          <p className="period" data-testid="report-period">{period.current.label}（{period.current.from} 至 {period.current.to}）</p>
          <p className="meta">统计口径：按案件上报时间计受理，截至 {dateTime(figures.at)} 的办理状态；当前超期未办结 {figures.overdueNow} 件。</p>
        </header>
        <h2>{part()}主要指标</h2>
        <HeadlineTable figures={figures} />
        <BarChart title="本期受理 · 按渠道" testId="chart-channel" series={[{ name: '本期', className: 'now' }]}
          rows={byChannel.map((r) => ({ label: labels.caseSource[r.channel], values: [r.measures.received] }))} />
      </section>

      {figures.byArea.length > 0 && (
        <section className="sheet">
          <h2>{part()}分{below}情况</h2>
          <MeasureTable testId="by-area" first={below} total={totals.current}
            rows={figures.byArea.map((r) => ({ key: r.code, name: r.name, measures: r.measures }))} />
          <BarChart title={`受理 · 本期与去年同期（${period.lastYear.label}）`} testId="chart-area"
            series={[{ name: '本期', className: 'now' }, { name: '去年同期', className: 'before' }]}
            rows={figures.byArea.map((r) => ({ label: r.name, values: [r.measures.received, lastYearOf.get(r.code) ?? 0] }))} />
        </section>
      )}

      <section className="sheet">
        <h2>{part()}分渠道情况</h2>
        <MeasureTable testId="by-channel" first="渠道" total={totals.current}
          rows={byChannel.map((r) => ({ key: r.channel, name: labels.caseSource[r.channel], measures: r.measures }))} />
        <h2>{part()}分类型情况</h2>
        <MeasureTable testId="by-kind" first="类型" total={totals.current}
          rows={byKind.map((r) => ({ key: `${r.category}-${r.kind}`, name: kindLabel(r), measures: r.measures }))} />
        <h2>{part()}分部门情况</h2>
        <p className="note">派往职能部门的案件；一案派多个部门的，各部门均计。</p>
        <MeasureTable testId="by-department" first="部门"
          rows={byDepartment.map((r) => ({ key: r.department, name: r.department, measures: r.measures }))} />
      </section>

      <section className="sheet">
        <h2>{part()}矛盾纠纷调解情况</h2>
        <MediationKindTable rows={figures.mediationByKind} total={figures.mediation.current} />
        <BarChart title="调解受理 · 按调解类型" testId="chart-mediation" series={[{ name: '本期', className: 'now' }]}
          rows={[...figures.mediationByKind].sort((a, b) => b.measures.referred - a.measures.referred)
            .map((r) => ({ label: labels.mediationKind[r.kind], values: [r.measures.referred] }))} />
        <h3>受理调解最多的 {TOP_BODIES} 个调解组织</h3>
        <MediationBodyTable rows={figures.mediationByBody} />
      </section>

      {rankings && (
        <section className="sheet">
          <h2>{part()}{labels.rankedUnit[rankings.unit]}考核排名</h2>
          <RankingTable rankings={rankings} />
        </section>
      )}
    </article>
  )
}
