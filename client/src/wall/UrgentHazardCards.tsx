import { useMemo } from 'react'
import { type CaseSummary, type HazardKind, labels } from '../../../contract'
import { awaitsAcknowledgement } from '../../../domain/acknowledgement'
import { ageText } from '../ui/ageText'
import './urgentHazardCards.css'

/** The most cards the wall stands at once (each about 11 % of its height); the rest are counted under them. */
export const MAX_CARDS = 4

/** The open urgent hazards whose alarm nobody has acknowledged yet, the newest first: a new alarm is never the one left off. */
export function unacknowledgedHazards(cases: Iterable<CaseSummary>): CaseSummary[] {
  return [...cases].filter((c) => awaitsAcknowledgement(c)).sort((a, b) => Date.parse(b.reportedAt) - Date.parse(a.reportedAt))
}

/**
 * The wall's alarm cards: each open urgent hazard (fire, gas, electricity, flood) stands here, what and where and
 * how long ago, until a seat or a duty leader acknowledges it at a desk or it is closed; both reach `cases` live, so
 * the card goes at once. Nothing is drawn while none waits. `names`: region names by code; `now`: ms epoch.
 */
export function UrgentHazardCards({ cases, names, now }: {
  cases: ReadonlyMap<number, CaseSummary>; names: ReadonlyMap<string, string>; now: number
}) {
  const waiting = useMemo(() => unacknowledgedHazards(cases.values()), [cases])
  if (waiting.length === 0) return null
  const shown = waiting.slice(0, MAX_CARDS)
  const place = (c: CaseSummary) => [names.get(c.townshipCode), names.get(c.communityCode)].filter(Boolean).join(' · ')
  return (
    <section className="urgent-hazards" data-testid="urgent-hazards" aria-label="紧急隐患待确认">
      <h2>紧急隐患 待确认 <b>{waiting.length}</b></h2>
      <ol>
        {shown.map((c) => (
          <li key={c.id} className="urgent-card" data-code={c.code}>
            <p className="kind">{labels.hazardKind[c.kind as HazardKind] ?? labels.caseCategory.hazard}</p>
            <p className="place">{place(c) || '位置读取中'}</p>
            <p className="age"><time dateTime={c.reportedAt}>{ageText(c.reportedAt, now)}</time>上报，待值守确认 <span className="code">{c.code}</span></p>
          </li>
        ))}
      </ol>
      {waiting.length > shown.length && <p className="more">另有 {waiting.length - shown.length} 起待确认</p>}
    </section>
  )
}
