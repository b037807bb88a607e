import type { ReactNode } from 'react'
import { CameraClass, type DutyNow, type Figures, type Kpis } from '../../../contract'
import { LiveStatus } from '../live/LiveStatus'
import type { Connection } from '../live/useLive'
import { clockDate, clockTime, count, percent } from '../ui/format'
import { belowTarget, rateOf, TARGET } from './rates'

/** The whole city's cameras online, of all built (every class). */
export function camerasOnline(kpis: Kpis): number | null {
  const all = CameraClass.options.map((c) => kpis.cameras[c])
  return rateOf(all.reduce((s, c) => s + c.online, 0), all.reduce((s, c) => s + c.total, 0))
}

/**
 * The title bar: the centre's name (its area's: `安达市社会治理指挥中心`), the four counters an operator reads first (today's reports, open, over
 * their limit now, cameras online), the duty leader on shift with the desk phone, and Beijing time with
 * whether the wall is live. A counter not read yet is "—".
 */
export function TitleBar({ areaName, kpis, day, duty, now, connection }: {
  areaName: string
  kpis: Kpis | null
  day: Figures | null
  duty: DutyNow | null
  now: number
  connection: Connection
}) {
  const online = kpis && camerasOnline(kpis)
  return (
    <header className="wall-header">
      <div className="title-row">
        <h1 data-testid="centre-name">{areaName}社会治理指挥中心</h1>
        <p className="clock">
          <span className="date">{clockDate(now)}</span> <time data-testid="clock">{clockTime(now)}</time> <LiveStatus connection={connection} />
        </p>
      </div>
      <div className="counter-row">
        <Counter id="received-today" name="今日受理">{day ? count(day.totals.current.received) : '—'}</Counter>
        <Counter id="open" name="在办">{kpis ? count(kpis.open) : '—'}</Counter>
        <Counter id="overdue" name="当前超期" alarm={(kpis?.overdue ?? 0) > 0}>{kpis ? count(kpis.overdue) : '—'}</Counter>
        <Counter id="cameras-online" name="摄像机在线率" alarm={belowTarget(online ?? null, 'camerasOnline')} note={`目标 ≥ ${percent(TARGET.camerasOnline)}`}>
          {percent(online ?? null)}
        </Counter>
        <p className="duty" data-testid="duty-leader">
          <span className="name">值班领导</span>
          {duty?.leader
            ? <><b>{duty.leader.name}</b> <span className="phone">☎ {duty.leader.deskPhone}</span></>
            : <b className="none">{duty ? '值班表未排' : '—'}</b>}
        </p>
      </div>
    </header>
  )
}

function Counter({ id, name, alarm, note, children }: { id: string; name: string; alarm?: boolean; note?: string; children: ReactNode }) {
  return (
    <p className="counter">
      <span className="name">{name}</span>
      <b className={alarm ? 'alarm' : ''} data-testid={`counter-${id}`}>{children}</b>
      {note && <span className="target">{note}</span>}
    </p>
  )
}
