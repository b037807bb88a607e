import { labels, type Measures } from '../../../contract'
import { figureText, MEASURE_COLUMNS } from './figureText'

export type MeasureRow = { key: string; name: string; measures: Measures }

/**
 * Measures split one way (by area, channel, kind or department), one row each; `total` the whole's, for a split
 * whose rows add up to it (a case routed to two departments counts for each, so departments have none).
 */
export function MeasureTable({ rows, first, total, testId }: { rows: readonly MeasureRow[]; first: string; total?: Measures; testId: string }) {
  return (
    <table className="figures split" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          {MEASURE_COLUMNS.map((k) => <th key={k} scope="col">{labels.measure[k]}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th scope="row">{r.name}</th>
            {MEASURE_COLUMNS.map((k) => <td key={k}>{figureText(k, r.measures[k])}</td>)}
          </tr>
        ))}
        {rows.length === 0 && <tr><td className="nothing" colSpan={MEASURE_COLUMNS.length + 1}>本期无数据</td></tr>}
      </tbody>
      {total && (
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            {MEASURE_COLUMNS.map((k) => <td key={k}>{figureText(k, total[k])}</td>)}
          </tr>
        </tfoot>
      )}
    </table>
  )
}
