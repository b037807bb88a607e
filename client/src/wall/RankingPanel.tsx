import { labels, type RankedUnit, type Rankings } from '../../../contract'
import { MIN_CLOSED_TO_RANK } from '../../../domain/ranking'
import { count, percent } from '../ui/format'

/** As many places as the KPI column's last panel holds at the wall's sizes. */
const TOP = 5

/**
 * The month's ranking for assessment (考核) in the KPI column, in turn with cameras and patrols: the first
 * places with score, on-time rate and satisfaction, and how many units closed too few cases to be ranked.
 * "—" until the ranking is read; the desks read it in full at /ranking.
 */
export function RankingPanel({ unit, rankings, hidden }: { unit: RankedUnit; rankings: Rankings | null; hidden: boolean }) {
  const name = labels.rankedUnit[unit]
  const ranked = rankings?.rows.filter((r) => r.place !== null && r.score !== null) ?? []
  const unranked = rankings ? rankings.rows.length - ranked.length : 0
  return (
    <section className="wall-ranking" data-testid="wall-ranking" hidden={hidden} data-period={rankings?.period.from ?? ''}>
      <h2>{name}排名（本月）{rankings && <span className="period">{rankings.period.label} · 考核得分</span>}</h2>
      {rankings === null && <p className="none" data-testid="wall-ranking-none">—</p>}
      {rankings !== null && ranked.length === 0 && <p className="none" data-testid="wall-ranking-none">本月尚无{name}办结满 {MIN_CLOSED_TO_RANK} 件，暂不排名</p>}
      {ranked.length > 0 && (
        <table>
          <thead>
            <tr><th>名次</th><th className="name">{name}</th><th>得分</th><th>{labels.measure.onTimeRate}</th><th>{labels.measure.satisfaction}</th></tr>
          </thead>
          <tbody>
            {ranked.slice(0, TOP).map((r) => (
              <tr key={r.code} data-testid="wall-ranking-row" className={r.place === 1 ? 'first' : ''}>
                <td className="place">{r.place}</td>
                <th className="name">{r.name}</th>
                <td className="score">{r.score!.toFixed(1)}</td>
                <td>{percent(r.measures.onTimeRate)}</td>
                <td>{percent(r.measures.satisfaction)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unranked > 0 && <p className="note">另有 {count(unranked)} 个{name}本月办结少于 {MIN_CLOSED_TO_RANK} 件，不排名</p>}
    </section>
  )
}
