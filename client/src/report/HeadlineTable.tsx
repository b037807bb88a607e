import { type Figures, labels, type Measures, type MediationMeasures } from '../../../contract'
import { type Change, countChange, rateChange } from './change'
import { figureText, isRate, MEDIATION_COLUMNS } from './figureText'

/** The figures a report opens with, in the order a centre is asked for them. */
const HEADLINE = [
  'received', 'disputes', 'closed', 'closedRate', 'resolved', 'resolvedRate', 'closedInPeriod', 'onTimeRate', 'gridLevelShare',
  'satisfaction', 'ranOver', 'sendBacks', 'reopened',
] as const satisfies readonly (keyof Measures)[]

type Row = { key: keyof Measures | keyof MediationMeasures; name: string; current: number | null; lastYear: number | null; previous: number | null }

const changeOf = (r: Row, before: number | null): Change =>
  isRate(r.key) ? rateChange(r.current, before) : countChange(r.current ?? 0, before ?? 0)

function ChangeCell({ change }: { change: Change }) {
  return <td className={`delta ${change.direction}`}>{change.text}</td>
}

/** The headline figures now, in the same period last year with 同比, and in the period before with 环比. */
export function HeadlineTable({ figures }: { figures: Figures }) {
  const { totals, mediation, period } = figures
  const rows: Row[] = [
    ...HEADLINE.map((key) => ({ key, name: labels.measure[key], current: totals.current[key], lastYear: totals.lastYear[key], previous: totals.previous[key] })),
    ...MEDIATION_COLUMNS.map((key) => ({
      key, name: labels.mediationMeasure[key], current: mediation.current[key], lastYear: mediation.lastYear[key], previous: mediation.previous[key],
    })),
  ]
  return (
    <table className="figures headline" data-testid="headline">
      <thead>
        <tr>
          <th scope="col">指标</th>
          <th scope="col">本期<small>{period.current.label}</small></th>
          <th scope="col">去年同期<small>{period.lastYear.label}</small></th>
          <th scope="col">同比</th>
          <th scope="col">上期<small>{period.previous.label}</small></th>
          <th scope="col">环比</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid={`headline-${r.key}`} className={r.key === 'referred' ? 'group-start' : undefined}>
            <th scope="row">{r.name}</th>
            <td className="current" data-testid={`headline-${r.key}-current`}>{figureText(r.key, r.current)}</td>
            <td>{figureText(r.key, r.lastYear)}</td>
            <ChangeCell change={changeOf(r, r.lastYear)} />
            <td>{figureText(r.key, r.previous)}</td>
            <ChangeCell change={changeOf(r, r.previous)} />
          </tr>
        ))}
      </tbody>
    </table>
  )
}
