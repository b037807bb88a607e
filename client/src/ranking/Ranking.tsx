import { type KeyboardEvent, useEffect, useMemo, useState } from 'react'
import { labels, type Me, RankedUnit } from '../../../contract'
import { MIN_CLOSED_TO_RANK, SCORE_WEIGHTS } from '../../../domain/ranking'
import { SignedInBar } from '../session/SignedInBar'
import { NoticeLine } from '../ui/Notice'
import { PeriodPicker } from './PeriodPicker'
import './ranking.css'
import { RankingTable } from './RankingTable'
import { type RankingView, rankingSearch, rankingsQuery, rankingView } from './rankingRoute'
import { useRankings } from './useRankings'

const UNITS = RankedUnit.options

/** How the score is made, in the words of the table's headings (domain/ranking.ts). */
const scoreRule = Object.entries(SCORE_WEIGHTS).map(([part, weight]) => `${labels.scorePart[part as keyof typeof SCORE_WEIGHTS]} ${weight}%`).join('、')

/**
 * `/ranking`: townships, communities, grids and departments of the reader's area ranked for assessment
 * (考核) for a month, quarter or year, as a duty leader reads them at a desk: place and how it moved, the
 * score, and the measures it is made of. Units that closed too few cases are listed after, not ranked.
 */
export function Ranking({ me }: { me: Me }) {
  const [view, setView] = useState<RankingView>(() => rankingView(window.location.search))
  const query = useMemo(() => rankingsQuery(view, new Date()).toString(), [view])
  const { rankings, loading, error } = useRankings(query)
  useEffect(() => window.history.replaceState(null, '', `${window.location.pathname}${rankingSearch(view)}`), [view])

  const chooseUnit = (unit: RankedUnit) => setView((v) => ({ ...v, unit }))
  // Arrow keys move between the tabs, as a tab list does; Tab leaves it.
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    const next = UNITS[(UNITS.indexOf(view.unit) + (e.key === 'ArrowRight' ? 1 : UNITS.length - 1)) % UNITS.length]!
    chooseUnit(next)
    document.getElementById(`unit-${next}`)?.focus()
  }
  const shown = rankings && rankings.unit === view.unit ? rankings : null
  // Rankings are an area's: a department's account has none to read (the server refuses it too).
  if (!('region' in me.scope)) {
    return (
      <div className="ranking-page" data-testid="ranking">
        <header className="ranking-header"><h1>考核排名</h1><SignedInBar me={me} /></header>
        <p className="hint" role="alert">考核排名按区域查看，部门账号没有可查看的区域。<a href="/desk">返回工作台</a></p>
      </div>
    )
  }

  return (
    <div className="ranking-page" data-testid="ranking" data-ready={!loading && shown !== null}>
      <header className="ranking-header">
        <div>
          <h1>考核排名</h1>
          <p className="subtitle" data-testid="ranking-title">
            {rankings ? `${rankings.area.name} · ${labels.rankedUnit[rankings.unit]} · ${rankings.period.label}` : ' '}
          </p>
        </div>
        <nav className="ranking-links" aria-label="其他页面"><a href="/drill">区域研判</a><a href="/wall">指挥大屏</a></nav>
        <SignedInBar me={me} />
      </header>

      <div className="ranking-controls">
        <div className="unit-tabs" role="tablist" aria-label="排名对象" onKeyDown={onKey}>
          {UNITS.map((u) => (
            <button key={u} id={`unit-${u}`} type="button" role="tab" aria-selected={view.unit === u} aria-controls="ranking-panel"
              tabIndex={view.unit === u ? 0 : -1} onClick={() => chooseUnit(u)} data-testid={`unit-${u}`}>{labels.rankedUnit[u]}</button>
          ))}
        </div>
        <PeriodPicker view={view} onChoose={(period) => setView((v) => ({ ...v, period }))} />
      </div>

      <NoticeLine notice={error ? { kind: 'error', text: error } : null} />
      <section id="ranking-panel" role="tabpanel" aria-labelledby={`unit-${view.unit}`} aria-busy={loading}>
        {shown && <RankingTable unit={shown.unit} rows={shown.rows} />}
      </section>
      <footer className="ranking-rule">
        <p>得分（满分100）由各项加权：{scoreRule}。退回、重办按其占受理、办结的比例折算；部门不计网格化解占比；某项无案件可计时，其权重由其余各项分担。</p>
        <p>本期办结少于 {MIN_CLOSED_TO_RANK} 件的单位不排名（件数太少，比率多由偶然决定）。名次后箭头为较上一期的变化。</p>
      </footer>
    </div>
  )
}
