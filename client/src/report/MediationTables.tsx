import { type BodyRow, labels, type MediationKindRow, type MediationMeasures } from '../../../contract'
import { figureText, MEDIATION_COLUMNS } from './figureText'

/** How many bodies the report lists: the busiest; the rest are in the totals. */
export const TOP_BODIES = 15

function Cells({ m }: { m: MediationMeasures }) {
  return <>{MEDIATION_COLUMNS.map((k) => <td key={k}>{figureText(k, m[k])}</td>)}</>
}

const Heads = () => <>{MEDIATION_COLUMNS.map((k) => <th key={k} scope="col">{labels.mediationMeasure[k]}</th>)}</>

/** Mediation by kind (四元调解), with the period's totals. */
export function MediationKindTable({ rows, total }: { rows: readonly MediationKindRow[]; total: MediationMeasures }) {
  return (
    <table className="figures split" data-testid="mediation-by-kind">
      <thead><tr><th scope="col">调解类型</th><Heads /></tr></thead>
      <tbody>
        {rows.map((r) => <tr key={r.kind}><th scope="row">{labels.mediationKind[r.kind]}</th><Cells m={r.measures} /></tr>)}
      </tbody>
      <tfoot><tr><th scope="row">合计</th><Cells m={total} /></tr></tfoot>
    </table>
  )
}

/** The bodies that took the most disputes in the period, most first. */
export function MediationBodyTable({ rows }: { rows: readonly BodyRow[] }) {
  const top = [...rows].sort((a, b) => b.measures.referred - a.measures.referred || a.name.localeCompare(b.name, 'zh')).slice(0, TOP_BODIES)
  return (
    <table className="figures split" data-testid="mediation-by-body">
      <thead><tr><th scope="col">调解组织</th><th scope="col">类别</th><Heads /></tr></thead>
      <tbody>
        {top.map((r) => (
          <tr key={r.bodyId}><th scope="row">{r.name}</th><td className="text">{labels.mediationBodyKind[r.kind]}</td><Cells m={r.measures} /></tr>
        ))}
        {top.length === 0 && <tr><td className="nothing" colSpan={MEDIATION_COLUMNS.length + 2}>本期无调解</td></tr>}
      </tbody>
    </table>
  )
}
