import { labels, type Measures, type Rankings, type RankingRow } from '../../../contract'
import { MIN_CLOSED_TO_RANK, SCORE_WEIGHTS } from '../../../domain/ranking'
import { figureText } from './figureText'

const COLUMNS = ['received', 'closedInPeriod', 'onTimeRate', 'gridLevelShare', 'satisfaction', 'sendBacks', 'reopened'] as const satisfies readonly (keyof Measures)[]

/** A place against the period before: `↑3` moved up three places. */
function moved(r: RankingRow): string {
  if (r.place === null || r.previousPlace === null || r.place === r.previousPlace) return ''
  return r.place < r.previousPlace ? `↑${r.previousPlace - r.place}` : `↓${r.place - r.previousPlace}`
}

/** The units ranked for assessment (考核) by score, with last period's place; those that closed too few cases follow, unranked. */
export function RankingTable({ rankings }: { rankings: Rankings }) {
  return (
    <>
      <table className="figures split places" data-testid="ranking">
        <thead>
          <tr>
            <th scope="col">名次</th>
            <th scope="col">{labels.rankedUnit[rankings.unit]}</th>
            <th scope="col">考核得分</th>
            <th scope="col">上期名次</th>
            {COLUMNS.map((k) => <th key={k} scope="col">{labels.measure[k]}</th>)}
          </tr>
        </thead>
        <tbody>
          {rankings.rows.map((r) => (
            <tr key={r.code} data-code={r.code}>
              <td>{r.place ?? '—'}</td>
              <th scope="row">{r.name}</th>
              <td>{r.score === null ? '不排名' : r.score.toFixed(1)}</td>
              <td>{r.previousPlace ?? '—'} <span className="moved">{moved(r)}</span></td>
              {COLUMNS.map((k) => <td key={k}>{figureText(k, r.measures[k])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">
        考核得分满分 100，由{Object.entries(SCORE_WEIGHTS).map(([part, weight]) => `${labels.scorePart[part as keyof typeof SCORE_WEIGHTS]} ${weight}`).join('、')} 加权计算；
        期内办结不足 {MIN_CLOSED_TO_RANK} 件的不排名。
      </p>
    </>
  )
}
