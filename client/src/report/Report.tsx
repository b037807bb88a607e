import { useEffect, useState } from 'react'
import type { Me } from '../../../contract'
import { SignedInBar } from '../session/SignedInBar'
import { PeriodPicker } from './PeriodPicker'
import { ReportDocument } from './ReportDocument'
import { type ReportQuery, reportQuery, reportSearch } from './reportQuery'
import { useReport } from './useReport'
import './paper.css'

/**
 * `/report?period=month|quarter&at=…&area=…`: the centre's monthly or quarterly report (综治工作月报/季报) of an
 * area, laid out for A4 and printed from the browser (打印). The period is chosen on screen and kept in the
 * address, so a printed report can be opened again as it was; the screen's controls are not printed.
 */
export function Report({ me }: { me: Me }) {
  const [query, setQuery] = useState<ReportQuery>(() => reportQuery(window.location.search))
  const read = useReport(query)
  useEffect(() => {
    const back = () => setQuery(reportQuery(window.location.search))
    window.addEventListener('popstate', back)
    return () => window.removeEventListener('popstate', back)
  }, [])
  useEffect(() => {
    if (read.kind === 'ready') document.title = `${read.data.figures.area.name}综治工作报表 ${read.data.figures.period.current.label}`
  }, [read])
  const choose = (q: ReportQuery) => {
    window.history.pushState(null, '', `/report${reportSearch(q)}`)
    setQuery(q)
  }
  return (
    <div className="paper-screen" data-testid="report-screen">
      <header className="paper-toolbar screen-only">
        <h1>综治工作报表</h1>
        <PeriodPicker query={query} shown={read.kind === 'ready' ? read.data.figures.period.current : null} onChange={choose} />
        <button type="button" onClick={() => window.print()} disabled={read.kind !== 'ready'} data-testid="print">打印</button>
        <SignedInBar me={me} />
      </header>
      {read.kind === 'loading' && <p className="paper-wait screen-only" aria-busy="true">正在统计…</p>}
      {read.kind === 'failed' && <p className="paper-wait screen-only" role="alert">统计数据读取失败：{read.text}</p>}
      {read.kind === 'ready' && <ReportDocument data={read.data} />}
    </div>
  )
}
