import { CameraClass, CaseLevel, type Kpis, labels, type PeriodFigures } from '../../../contract'
import { count, percent } from '../ui/format'
import { CAMERA_WINDOW_MS } from '../live/ticker'
import type { CameraChangesSummary } from './cameraChanges'
import { ARROW, belowTarget, type Direction, rateOf, TARGET, type Target, todayRate } from './rates'
import { Sparkline } from './Sparkline'

const share = (part: number, whole: number) => rateOf(part, whole)

const PERIODS = [['today', '今日'], ['month', '本月'], ['year', '本年']] as const

/** Which way each of the year's rates went: 同比 (on the same period last year) and 环比 (this month on the last). */
export type RateDirections = Record<'gridLevelShare' | 'onTimeRate' | 'satisfaction', { lastYear: Direction | null; previous: Direction | null }>

/**
 * The figures the reports quote, as the server computes them in SQL: disputes found and resolved,
 * the share settled in the grid, open cases by level, on-time and satisfaction rates (each with its target
 * and which way it went), cameras online by class, patrol coverage. Trends where a trend means something:
 * the last 30 days. A rate turns red only below its target; today's with fewer than five cases is "—". Two figures of running over: the cases that ran over a time limit
 * today (`ranOverToday`, null until read), which stays when the platform has moved them up, and the open
 * cases past their due time now, which it seldom leaves for more than seconds.
 */
export function KpiPanel({ kpis, ranOverToday, directions, cameraChanges }: {
  kpis: Kpis | null
  ranOverToday: number | null
  directions: RateDirections | null
  /** The cameras' changes of the last minutes, summed (they are not ticker lines); null: none to say. */
  cameraChanges?: CameraChangesSummary | null
}) {
  if (!kpis) return <aside className="kpi-panel" data-testid="kpi-panel" aria-busy="true" />
  const { disputes, trend } = kpis
  const daily = (f: (d: Kpis['trend'][number]) => number | null) => trend.map(f)
  return (
    <aside className="kpi-panel" data-testid="kpi-panel" data-seq={kpis.seq}>
      <section>
        <h2>矛盾纠纷排查化解</h2>
        <table className="periods">
          <thead>
            <tr><th /><th>发现</th><th>化解</th><th>化解率</th></tr>
          </thead>
          <tbody>
            {PERIODS.map(([key, name]) => <PeriodRow key={key} id={key} name={name} f={disputes[key]} />)}
          </tbody>
        </table>
      </section>

      <section className="rates">
        <Rate id="grid-level-share" name="网格化解占比" value={kpis.gridLevelShare} target="gridLevelShare" went={directions?.gridLevelShare} />
        <Rate id="on-time-rate" name="按期办结率" value={kpis.onTimeRate} target="onTimeRate" went={directions?.onTimeRate}
          trend={daily((d) => share(d.onTime, d.closed))} />
        <Rate id="satisfaction" name="群众满意率" value={kpis.satisfaction} target="satisfaction" went={directions?.satisfaction}
          trend={daily((d) => share(d.satisfied, d.rated))} />
      </section>

      <section>
        <h2>
          在办事件 <b className="total" data-testid="kpi-open">{count(kpis.open)}</b>
          <span className="target">当前超期 <b className={`total${kpis.overdue > 0 ? ' alarm' : ''}`} data-testid="kpi-overdue">{count(kpis.overdue)}</b></span>
        </h2>
        <div className="totals four">
          <Figure id="escalated" name="上移督办" value={count(kpis.escalated)} />
          <Figure id="ran-over-today" name="今日超期" value={ranOverToday === null ? '—' : count(ranOverToday)} alarm={(ranOverToday ?? 0) > 0} />
          <Figure id="waiting-to-sign" name="待签收" value={count(kpis.waitingToSign)} alarm={kpis.waitingToSign > 0} />
          <div className="figure-tile">
            <span className="name">部门未报到/超时</span>
            <span className="value">
              <span data-testid="kpi-departments-unreported">{count(kpis.departmentReports.awaiting)}</span>
              {' / '}
              <span className={kpis.departmentReports.overdue > 0 ? 'alarm' : ''} data-testid="kpi-departments-late">{count(kpis.departmentReports.overdue)}</span>
            </span>
          </div>
        </div>
        <table className="levels">
          <thead>
            <tr><th /><th>在办</th><th>待签收</th><th>当前超期</th><th>上移</th></tr>
          </thead>
          <tbody>
            {CaseLevel.options.map((l) => (
              <tr key={l} data-testid={`level-${l}`}>
                <th>{labels.caseLevel[l]}</th>
                <td>{count(kpis.levels[l].open)}</td>
                <td className={kpis.levels[l].waitingToSign > 0 ? 'warn' : ''}>{count(kpis.levels[l].waitingToSign)}</td>
                <td className={kpis.levels[l].overdue > 0 ? 'alarm' : ''}>{count(kpis.levels[l].overdue)}</td>
                <td>{count(kpis.levels[l].escalated)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>雪亮工程 · 在线率<span className="target">目标 ≥ {percent(TARGET.camerasOnline)}</span></h2>
        <table className="cameras">
          <tbody>
            {CameraClass.options.map((c) => {
              const { online, total } = kpis.cameras[c]
              return (
                <tr key={c} data-testid={`cameras-${c}`}>
                  <th>{labels.cameraClass[c]}</th>
                  <td><span data-testid={`cameras-${c}-online`}>{count(online)}</span> / {count(total)}</td>
                  <td className={belowTarget(share(online, total), 'camerasOnline') ? 'alarm' : ''} data-testid={`cameras-${c}-rate`}>{percent(share(online, total))}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {cameraChanges && <CameraChanges s={cameraChanges} />}
      </section>

      <section>
        <h2>巡防覆盖 · 近{kpis.patrol.hours}小时</h2>
        <div className="totals two">
          <Figure id="patrol-visited" name="已巡网格" value={`${count(kpis.patrol.visited)} / ${count(kpis.patrol.grids)}`} />
          <Figure id="patrol-share" name="覆盖率" value={percent(share(kpis.patrol.visited, kpis.patrol.grids))} />
        </div>
      </section>
    </aside>
  )
}

/** `近10分钟 离线+5 故障+1 恢复+3 · 新兴街道 4`: the sums, and the township most went down in. */
function CameraChanges({ s }: { s: CameraChangesSummary }) {
  return (
    <p className="camera-changes" data-testid="camera-changes">
      近{CAMERA_WINDOW_MS / 60_000}分钟
      {' '}离线<b className={s.offline > 0 ? 'down' : ''}>+{count(s.offline)}</b>
      {' '}故障<b className={s.faulty > 0 ? 'down' : ''}>+{count(s.faulty)}</b>
      {' '}恢复<b>+{count(s.back)}</b>
      {s.places.length > 0 && (
        <>
          {' · '}<span className="places" data-testid="camera-changes-places">{s.places.map((p) => `${p.name} ${count(p.down)}`).join(' · ')}</span>
        </>
      )}
    </p>
  )
}

/** A period's disputes; today's rate stands on few cases, and is "—" below five. */
function PeriodRow({ id, name, f }: { id: string; name: string; f: PeriodFigures }) {
  const rate = id === 'today' ? todayRate(f.rate, f.found) : f.rate
  return (
    <tr data-testid={`disputes-${id}`}>
      <th>{name}</th>
      <td data-testid={`disputes-${id}-found`}>{count(f.found)}</td>
      <td data-testid={`disputes-${id}-resolved`}>{count(f.resolved)}</td>
      <td data-testid={`disputes-${id}-rate`} className={belowTarget(rate, 'disputesResolved') && id !== 'today' ? 'alarm' : ''}>{percent(rate)}</td>
    </tr>
  )
}

function Figure({ id, name, value, alarm }: { id: string; name: string; value: string; alarm?: boolean }) {
  return (
    <div className="figure-tile">
      <span className="name">{name}</span>
      <span className={`value${alarm ? ' alarm' : ''}`} data-testid={`kpi-${id}`}>{value}</span>
    </div>
  )
}

/** A year's rate, red only below its target; the target and which way it went beneath (同比 on last year, 环比 this month on the last). */
function Rate({ id, name, value, target, went, trend }: {
  id: string
  name: string
  value: number | null
  target: Target
  went: RateDirections[keyof RateDirections] | undefined
  trend?: (number | null)[]
}) {
  const arrow = (d: Direction | null | undefined) => <b className={`arrow ${d ?? 'none'}`}>{d ? ARROW[d] : '—'}</b>
  return (
    <div className="figure-tile rate" data-testid={`rate-${id}`}>
      <span className="name">{name}</span>
      <span className={`value${belowTarget(value, target) ? ' alarm' : ''}`} data-testid={`kpi-${id}`}>{percent(value)}</span>
      <span className="versus">目标{percent(TARGET[target]).replace('.0%', '%')}</span>
      <span className="versus" data-testid={`went-${id}`}>同比{arrow(went?.lastYear)} 环比{arrow(went?.previous)}</span>
      {trend && <Sparkline values={trend} label={`${name}（近30天）`} max={1} />}
    </div>
  )
}
