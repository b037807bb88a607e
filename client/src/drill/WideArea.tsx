import { labels, type WideAreaProfile } from '../../../contract'
import { count, percent } from '../ui/format'
import type { DrillTarget } from './drillRoute'
import './wideArea.css'

/**
 * The areas one level down (a county's townships, a prefecture's counties, a province's prefectures): each one's
 * grids, open cases and those overdue, its name a button that drills into it. The map outlines and names them.
 */
export function ChildAreas({ profile, onOpen, reaches }: {
  profile: WideAreaProfile; onOpen: (t: NonNullable<DrillTarget>) => void; reaches: (t: NonNullable<DrillTarget>) => boolean
}) {
  const level = profile.children[0]?.level
  const unit = level === 'township' ? labels.placeKind.township : level === 'prefecture' || level === 'county' ? labels.rankedUnit[level] : '区域'
  return (
    <section className="child-areas" data-testid="child-areas" aria-labelledby="child-areas-title">
      <h2 id="child-areas-title">下辖{unit}<span>{profile.children.length} 个</span></h2>
      <table>
        <thead><tr><th scope="col">名称</th><th scope="col">网格</th><th scope="col">在办</th><th scope="col">超期</th></tr></thead>
        <tbody>
          {profile.children.map((c) => {
            const t = c.level === 'community' ? null : { level: c.level, code: c.code }
            return (
              <tr key={c.code} data-testid="child-area" data-code={c.code}>
                <th scope="row">
                  {t && reaches(t) ? <button type="button" onClick={() => onOpen(t)}>{c.name}</button> : c.name}
                  <span className="kind">{labels.regionKind[c.kind]}</span>
                </th>
                <td>{count(c.grids)}</td>
                <td data-testid="child-open">{count(c.open)}</td>
                <td data-testid="child-overdue" className={c.overdue > 0 ? 'warn' : ''}>{count(c.overdue)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

/** The mediation committees (人民调解委员会) serving the area, by kind: its townships' and communities' own, and the specialised ones. */
export function WideMediation({ profile }: { profile: WideAreaProfile }) {
  const c = profile.responsible.committees
  return (
    <section className="area-mediation" data-testid="area-mediation" aria-labelledby="area-mediation-title">
      <h2 id="area-mediation-title"><i className="mediation-mark" aria-hidden="true" />调解组织</h2>
      <dl>
        <dt>{labels.mediationBodyKind.township}</dt><dd>{count(c.township)} 个</dd>
        <dt>{labels.mediationBodyKind.community}</dt><dd>{count(c.community)} 个</dd>
        <dt>{labels.mediationBodyKind.specialised}</dt><dd data-testid="specialised-count">{count(c.specialised)} 个</dd>
      </dl>
    </section>
  )
}

/** What watches over the area: its cameras by state, its patrol units now and lately, and how many of its grids they walked. */
export function WideCover({ profile }: { profile: WideAreaProfile }) {
  const { cameraStates: s, patrols, walkedGrids } = profile.cover
  const grids = profile.responsible.grids
  return (
    <section className="cover" data-testid="cover" aria-labelledby="cover-title">
      <h2 id="cover-title">视频与巡防</h2>
      <p>
        摄像机 <b data-testid="cameras-total">{count(s.online + s.offline + s.faulty)}</b>（在线 {count(s.online)}
        ，<span className={s.offline ? 'warn' : ''}>离线 {count(s.offline)}</span>
        ，<span className={s.faulty ? 'warn' : ''}>故障 {count(s.faulty)}</span>）
      </p>
      <p>巡防：此刻在内 <b data-testid="patrols-inside">{patrols.inside}</b> 支，近 {patrols.hours} 小时到过 {patrols.recent} 支</p>
      <p>近 {patrols.hours} 小时巡到网格 <b data-testid="walked-grids">{count(walkedGrids)}</b> / {count(grids)}（{percent(grids ? walkedGrids / grids : null)}）</p>
    </section>
  )
}
