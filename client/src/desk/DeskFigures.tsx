import type { DeskFigures as Figures, DeskNumbers } from '../../../contract'
import { count, percent } from '../ui/format'

const ROWS: [string, (f: Figures) => string, string][] = [
  ['签收及时率', (f) => `${percent(f.signedOnTimeRate)}`, 'signed-rate'],
  ['办结及时率', (f) => `${percent(f.handledOnTimeRate)}`, 'handled-rate'],
  ['签收（及时/总数）', (f) => `${count(f.signedOnTime)}/${count(f.signed)}`, 'signed'],
  ['办结（及时/总数）', (f) => `${count(f.handledOnTime)}/${count(f.handled)}`, 'handled'],
  ['退回', (f) => count(f.sentBack), 'sent-back'],
  ['重新办理', (f) => count(f.reopened), 'reopened'],
  ['待签收', (f) => count(f.waitingToSign), 'waiting'],
]

/** How this desk works the loop over the last days, beside its parent (the township for a community, all departments for one). */
export function DeskFigures({ figures }: { figures: DeskNumbers | null }) {
  return (
    <section className="desk-figures" aria-labelledby="desk-figures-title" data-testid="desk-figures" aria-busy={figures === null}>
      <h2 id="desk-figures-title">近 {figures?.days ?? 30} 天办理指标</h2>
      <table>
        <thead>
          <tr><th />{ROWS.map(([name, , id]) => <th key={id} scope="col">{name}</th>)}</tr>
        </thead>
        <tbody>
          {figures && [figures.own, ...(figures.parent ? [figures.parent] : [])].map((f, i) => (
            <tr key={i} className={i === 0 ? 'own' : 'parent'}>
              <th scope="row">{f.name}</th>
              {ROWS.map(([, value, id]) => <td key={id} data-testid={i === 0 ? `figure-${id}` : undefined}>{value(f)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
