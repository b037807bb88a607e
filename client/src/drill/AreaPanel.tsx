import { type AnyAreaProfile, type AreaLevel, type AreaProfile, type Kpis, labels, type RegionKind, type RegionRef } from '../../../contract'
import { clockTime, count, percent } from '../ui/format'
import type { DrillTarget } from './drillRoute'

const FIX_FRESH_MS = 30 * 60_000

/** A region the drill-down opens (not a community: a township's panel opens its grids). */
const drillable = (r: RegionRef): NonNullable<DrillTarget> | null => (r.level === 'community' ? null : { level: r.level, code: r.code })

/**
 * The area's name and where it sits: its parents from the store's top region down, each one click away when it
 * lies in the account's scope; `root` names the desk's first screen (首页), null when the area on screen is the
 * scope's home already (a township officer's township).
 */
export function AreaHeader({ profile, onOpen, reaches, root }: {
  profile: AnyAreaProfile; onOpen: (t: DrillTarget) => void; reaches: (t: NonNullable<DrillTarget>) => boolean; root: string | null
}) {
  const kind = profile.level === 'grid' ? labels.gridKind[profile.kind as 'urban' | 'rural'] : labels.regionKind[profile.kind as RegionKind]
  return (
    <header className="area-header">
      <nav className="crumbs" aria-label="所属">
        {root && <button type="button" onClick={() => onOpen(null)} data-testid="crumb-root">{root}</button>}
        {[...profile.parents].reverse().map((p) => {
          const t = drillable(p)
          return t && reaches(t)
            ? <button key={p.code} type="button" onClick={() => onOpen(t)} data-testid={`crumb-${p.level}`}>{p.name}</button>
            : <span key={p.code}>{p.name}</span>
        })}
      </nav>
      <h1 data-testid="area-name">{profile.name}</h1>
      <p className="area-kind">{kind} · {profile.code}</p>
    </header>
  )
}

/** What every level's profile says of who answers for it. */
type Answering = { level: AreaLevel; responsible: Pick<AreaProfile['responsible'], 'households' | 'grids' | 'leaders' | 'fulltimeWorkers' | 'parttimeWorkers'> }

/** Who answers for the area: its households and grids, and the posts by role. */
export function Responsible({ profile }: { profile: Answering }) {
  const r = profile.responsible
  return (
    <section className="responsible" data-testid="responsible" aria-labelledby="responsible-title">
      <h2 id="responsible-title">责任体系</h2>
      <dl>
        {profile.level !== 'grid' && <><dt>网格</dt><dd data-testid="grids">{count(r.grids)} 个</dd></>}
        <dt>户数</dt><dd>{count(r.households)}</dd>
        <dt>{labels.workerRole.leader}</dt><dd data-testid="leaders">{count(r.leaders)}</dd>
        <dt>{labels.workerRole.fulltime}</dt><dd data-testid="fulltime">{count(r.fulltimeWorkers)}</dd>
        <dt>{labels.workerRole.parttime}</dt><dd data-testid="parttime">{count(r.parttimeWorkers)}</dd>
      </dl>
    </section>
  )
}

/** What watches over the area: its cameras by state (the dead ones by code), its patrols now and lately. */
export function Cover({ profile }: { profile: AreaProfile }) {
  const { cameras, cameraStates, patrols, lastWalkedAt } = profile.cover
  const down = cameras.filter((c) => c.state !== 'online')
  // A unit whose last fix in the area is older than this is not "there now": it may have gone off air.
  const here = patrols.inside.filter((p) => Date.parse(profile.at) - Date.parse(p.at) <= FIX_FRESH_MS)
  return (
    <section className="cover" data-testid="cover" aria-labelledby="cover-title">
      <h2 id="cover-title">视频与巡防</h2>
      <p>
        摄像机 <b data-testid="cameras-total">{cameras.length}</b>（在线 {cameraStates.online}
        ，<span className={cameraStates.offline ? 'warn' : ''}>离线 {cameraStates.offline}</span>
        ，<span className={cameraStates.faulty ? 'warn' : ''}>故障 {cameraStates.faulty}</span>）
      </p>
      {down.length > 0 && (
        <p className="down">{down.slice(0, 8).map((c) => <span key={c.id} className={`cam ${c.state}`}>{c.code} {labels.cameraState[c.state]}</span>)}{down.length > 8 && ` 等 ${down.length} 个`}</p>
      )}
      <p>
        巡防：此刻在内 <b data-testid="patrols-inside">{here.length}</b> 支，近 {patrols.hours} 小时到过 {patrols.recent.length} 支
        {here.length > 0 && `（${here.slice(0, 6).map((p) => p.code).join('、')}）`}
      </p>
      <p>最近巡查：<b data-testid="last-walked">{lastWalkedAt ? `${new Date(lastWalkedAt).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })} ${clockTime(Date.parse(lastWalkedAt))}` : '无记录'}</b></p>
    </section>
  )
}

/** The wall's figures for this area alone, beside the whole scope's (`wholeName`: 全市, or the officer's township). */
export function Numbers({ area, city, wholeName }: { area: Kpis; city: Kpis | null; wholeName: string }) {
  const rows: [string, (k: Kpis) => string, string][] = [
    ['在办', (k) => count(k.open), 'open'],
    ['超期', (k) => count(k.overdue), 'overdue'],
    ['上移督办', (k) => count(k.escalated), 'escalated'],
    ['本年化解率', (k) => percent(k.disputes.year.rate), 'year-rate'],
    ['网格化解占比', (k) => percent(k.gridLevelShare), 'grid-share'],
    ['按期办结率', (k) => percent(k.onTimeRate), 'on-time'],
    ['群众满意率', (k) => percent(k.satisfaction), 'satisfaction'],
  ]
  return (
    <section className="numbers" aria-labelledby="numbers-title">
      <h2 id="numbers-title">指标（本区域 / {wholeName}）</h2>
      <table>
        <tbody>
          {rows.map(([name, f, id]) => (
            <tr key={id}><th>{name}</th><td data-testid={`area-${id}`}>{f(area)}</td><td className="city">{city ? f(city) : '—'}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
