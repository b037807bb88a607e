import type { AttentionCases, Figures, HourlyReports, RankedUnit, Rankings } from '../../../contract'
import { AttentionList } from './AttentionList'
import { HourlyPanel } from './HourlyPanel'
import { RankingPanel } from './RankingPanel'
import { TodayPanel } from './TodayPanel'

/**
 * The wall's left column: today's reports by channel and kind, the last 24 hours, the cases moved up or
 * overdue, and the month's ranking. On a double-wide wall the cases moved up and overdue take a column of
 * their own (wall.css), with room for more of them.
 */
export function LeftColumn({ day, hourly, attention, ranking, now }: {
  day: Figures | null
  hourly: HourlyReports | null
  attention: AttentionCases | null
  ranking: { unit: RankedUnit; rankings: Rankings | null } | null
  now: number
}) {
  return (
    <aside className="wall-left" data-testid="wall-left">
      <TodayPanel day={day} />
      <HourlyPanel hourly={hourly} />
      <AttentionList attention={attention} now={now} />
      {ranking && <RankingPanel unit={ranking.unit} rankings={ranking.rankings} hidden={false} />}
    </aside>
  )
}
