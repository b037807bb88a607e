import { labels, type Measures, type RankedUnit, type RankingRow } from '../../../contract'
import { MIN_CLOSED_TO_RANK } from '../../../domain/ranking'
import { count, percent } from '../ui/format'

type Column = { key: keyof Measures; value: (m: Measures) => string }

/** The measures a unit is scored on, then how many cases it closed (what decides whether it is ranked). */
const COLUMNS: Column[] = [
  { key: 'onTimeRate', value: (m) => percent(m.onTimeRate) },
  { key: 'gridLevelShare', value: (m) => percent(m.gridLevelShare) },
  { key: 'satisfaction', value: (m) => percent(m.satisfaction) },
  { key: 'sendBacks', value: (m) => count(m.sendBacks) },
  { key: 'reopened', value: (m) => count(m.reopened) },
  { key: 'closedInPeriod', value: (m) => count(m.closedInPeriod) },
]

const HEADING: Partial<Record<keyof Measures, string>> = { closedInPeriod: '办结数' }

/** A department receives its cases from above: resolving at the grid is not its to score, nor to show. */
const columnsOf = (unit: RankedUnit) => COLUMNS.filter((c) => unit !== 'department' || c.key !== 'gridLevelShare')

/**
 * The ranking as a table: the ranked by place, with how each moved since the period before, then the
 * units that closed too few cases to be ranked, under a line that says so.
 */
export function RankingTable({ unit, rows }: { unit: RankedUnit; rows: RankingRow[] }) {
  const columns = columnsOf(unit)
  const ranked = rows.filter((r) => r.place !== null)
  const unranked = rows.filter((r) => r.place === null)
  const width = 3 + columns.length
  return (
    <table className="ranking-table" data-testid="ranking-table" data-unit={unit}>
      <thead>
        <tr>
          <th scope="col" className="place">名次</th>
          <th scope="col" className="name">名称</th>
          <th scope="col">得分</th>
          {columns.map((c) => <th key={c.key} scope="col">{HEADING[c.key] ?? labels.measure[c.key]}</th>)}
        </tr>
      </thead>
      <tbody data-testid="ranked">
        {ranked.map((r) => <Row key={r.code} unit={unit} row={r} columns={columns} />)}
        {ranked.length === 0 && <tr><td colSpan={width} className="empty">本期没有单位办结满 {MIN_CLOSED_TO_RANK} 件，无人排名。</td></tr>}
      </tbody>
      {unranked.length > 0 && (
        <tbody data-testid="unranked" className="unranked">
          <tr className="unranked-note">
            <th scope="rowgroup" colSpan={width}>以下 {count(unranked.length)} 个单位本期办结少于 {MIN_CLOSED_TO_RANK} 件，不排名</th>
          </tr>
          {unranked.map((r) => <Row key={r.code} unit={unit} row={r} columns={columns} />)}
        </tbody>
      )}
    </table>
  )
}

function Row({ unit, row, columns }: { unit: RankedUnit; row: RankingRow; columns: Column[] }) {
  return (
    <tr data-testid="ranking-row" data-code={row.code} className={row.place !== null && row.place <= 3 ? 'top' : ''}>
      <td className="place">
        <b data-testid="place">{row.place ?? '—'}</b>
        {row.place !== null && <PlaceChange place={row.place} before={row.previousPlace} />}
      </td>
      <th scope="row" className="name">
        {row.name}
        {unit !== 'department' && unit !== 'township' && <span className="code">{row.code}</span>}
      </th>
      <td className="score" data-testid="score">{row.score === null ? '—' : row.score.toFixed(1)}</td>
      {columns.map((c) => <td key={c.key}>{c.value(row.measures)}</td>)}
    </tr>
  )
}

/** ↑2 up two places since the period before, ↓1 down one, 新 not ranked then, — unchanged. */
function PlaceChange({ place, before }: { place: number; before: number | null }) {
  if (before === null) return <span className="change new" title="上期未排名">新</span>
  const up = before - place
  if (up === 0) return <span className="change same" title={`与上期相同（第${before}名）`} aria-label="名次不变">—</span>
  return (
    <span className={`change ${up > 0 ? 'up' : 'down'}`} title={`上期第${before}名`} aria-label={`较上期${up > 0 ? '上升' : '下降'}${Math.abs(up)}名`}>
      {up > 0 ? '↑' : '↓'}{Math.abs(up)}
    </span>
  )
}
