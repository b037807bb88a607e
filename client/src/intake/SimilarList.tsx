import { type CaseSummary, labels, SIMILAR_DAYS, SIMILAR_METRES, type SimilarCase, type SimilarWhy } from '../../../contract'
import { kindLabel } from '../cases/kindLabel'
import { dateTime } from '../ui/format'

const WHY: Record<SimilarWhy, string> = { nearby: '同类就近', ticket: '同一编号', caller: '同一来电人' }

/** How far, as a seat says it: `85 米`, `1.2 公里`. */
const distance = (m: number) => (m < 1000 ? `${Math.round(m)} 米` : `${(m / 1000).toFixed(1)} 公里`)

/**
 * The cases this call may repeat, numbered as on the map: each says why (the same kind nearby, the same
 * ticket, the same caller) and how far. Alt+n, or Enter on a row, makes the report join that case instead of
 * opening a new one (并案); again, or Esc, takes it back. `asked`: whether the form holds anything to compare yet.
 */
export function SimilarList({ similar, asked, busy, error, mergeInto, onMerge, onOpen }: {
  similar: readonly SimilarCase[]; asked: boolean; busy: boolean; error: string | null
  mergeInto: number | null; onMerge: (id: number | null) => void; onOpen: (c: CaseSummary) => void
}) {
  return (
    <section className="similar" aria-labelledby="similar-title" data-testid="similar" aria-busy={busy}>
      <h2 id="similar-title">疑似重复 <span>{SIMILAR_METRES} 米、{SIMILAR_DAYS} 天内同类案件，同一编号或来电人</span>
        {similar.length > 0 && <b className="similar-count" data-testid="similar-count">{similar.length}</b>}</h2>
      {error && <p className="notice error" role="alert">比对失败：{error}</p>}
      {!asked && <p className="empty">选定事项类别和地点，或填写编号、来电号码后自动比对。</p>}
      {asked && !busy && !error && similar.length === 0 && <p className="empty" data-testid="no-similar">未发现疑似重复案件，将新立案件。</p>}
      <ol>
        {similar.map((s, i) => {
          const chosen = s.case.id === mergeInto
          return (
            <li key={s.case.id} className={chosen ? 'chosen' : ''}>
              <button
                type="button" className="similar-row" data-case-id={s.case.id} aria-pressed={chosen}
                onClick={() => onMerge(chosen ? null : s.case.id)}
                title={chosen ? '取消并案' : '把本次来电并入此案'}
              >
                <span className="n">{i + 1}</span>
                <span className="what">
                  <span className="line">
                    <span className={`dot ${s.case.category}`} /> <b>{kindLabel(s.case)}</b>
                    <span className="code">{s.case.code}</span>
                    <span className="state">{labels.caseState[s.case.state]} · {labels.caseLevel[s.case.level]}</span>
                  </span>
                  <span className="line sub">
                    {s.why.map((w) => <span key={w} className={`why ${w}`}>{WHY[w]}</span>)}
                    {s.metres !== null && <span className="metres">{distance(s.metres)}</span>}
                    <span>{labels.caseSource[s.case.source]} · {dateTime(s.case.reportedAt)}</span>
                  </span>
                </span>
                <span className="merge-key">{chosen ? '将并入' : '并案'} {i < 9 && <kbd>Alt+{i + 1}</kbd>}</span>
              </button>
              <button type="button" className="open-similar" onClick={() => onOpen(s.case)} aria-label={`查看 ${s.case.code}`}>查看</button>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
