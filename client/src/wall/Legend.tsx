import type { CSSProperties } from 'react'
import { HEXAGON_RAMP } from '../map/layers/caseHexagonsLayer'
import { COLOR, cssColor, type Rgba, withAlpha } from '../map/style/colors'
import { COVER_LOSS_SHOWN } from './gridShades'
import { THEMES, type Theme } from './wallConfig'

const THEME_NAME: Record<Theme, string> = { cases: '案件分布', cameras: '视频覆盖', patrols: '巡防覆盖' }

/** A grid's shade in the legend: the colour at about the strength the map shows it. */
const shade = (c: Rgba, a: number): CSSProperties => ({ background: cssColor(withAlpha(c, a)) })
const THEME_KEY: Record<Theme, (patrolHours: number) => [string, CSSProperties, string][]> = {
  cases: () => [['dispute', shade(COLOR.dispute, 0.35), '有在办案件'], ['overdue', shade(COLOR.overdue, 0.55), '有超期案件']],
  cameras: () => [['camera-off', shade(COLOR.cameraOffline, 0.6), `视频覆盖下降 ≥ ${COVER_LOSS_SHOWN * 100}%`]],
  patrols: (h) => [['patrol', shade(COLOR.patrolCover, 0.45), `近${h}小时有巡防`], ['none', {}, '未巡']],
}

const dot = (c: Rgba): CSSProperties => ({ background: cssColor(c) })
const ring = (c: Rgba): CSSProperties => ({ background: 'transparent', boxShadow: `0 0 0 0.3vh ${cssColor(c)}` })
const halo = (fill: Rgba, c: Rgba): CSSProperties => ({ ...dot(fill), boxShadow: `0 0 0 0.35vh ${cssColor(withAlpha(c, 0.3))}, 0 0 0 0.6vh ${cssColor(c)}` })

/** The points and lines over the map, in the colours they are drawn in (from `COLOR`, so the key cannot drift from the map). */
const POINT_KEYS: [string, string, CSSProperties, string][] = [
  ['dispute', 'dot', dot(COLOR.dispute), '矛盾纠纷'],
  ['hazard', 'dot', dot(COLOR.hazard), '安全隐患'],
  ['urgent', 'dot halo', halo(COLOR.hazard, COLOR.hazard), '紧急隐患（火·气·电·汛）'],
  ['overdue', 'dot halo', halo(COLOR.overdue, COLOR.overdue), '超期'],
  ['escalated', 'dot', { ...dot(COLOR.dispute), boxShadow: `0 0 0 0.3vh ${cssColor(COLOR.escalated)}` }, '上移（社·镇·市）'],
  ['awaiting', 'dot', ring(COLOR.awaiting), '待签收·部门未报到'],
  ['patrol', 'dot', dot(COLOR.patrol), '巡防力量'],
  ['trail', 'trail', dot(COLOR.patrolTrail), '巡防轨迹'],
  ['camera', 'dot small', dot(COLOR.cameraOnline), '摄像机'],
  ['camera-off', 'dot small', dot(COLOR.cameraOffline), '离线'],
  ['camera-faulty', 'dot small', dot(COLOR.cameraFaulty), '故障'],
]

/** The keys of the cases' own points: a wide area's wall draws no patrols or cameras. */
const CASE_KEYS = new Set(['dispute', 'hazard', 'urgent', 'overdue', 'escalated', 'awaiting'])

/** What a wide area's wall shades and bins: its children by overdue cases, the open cases in hexagons further out. */
export type WideLegend = { children: string }

/**
 * What the grid shading shows now (and the themes it cycles through), and the points' colours: each
 * colour one meaning, said in words once. A camera that is down is drawn large only in the 视频覆盖 theme.
 * A wide area's wall (`wide`) says instead what its children's shading and the hexagons mean, and keys its
 * cases' points only.
 */
export function Legend({ theme, cycling, patrolHours, wide = null }: { theme: Theme; cycling: boolean; patrolHours: number; wide?: WideLegend | null }) {
  if (wide) {
    const [low, high] = [HEXAGON_RAMP[0]!, HEXAGON_RAMP.at(-1)!]
    return (
      <div className="legend" data-testid="legend" data-theme="wide">
        <ol className="themes"><li className="current">案件聚合</li></ol>
        <ul className="keys">
          <li key="child"><i className="swatch swatch-overdue" style={shade(COLOR.overdue, 0.55)} />{wide.children}当前超期（颜色越深越多）</li>
          <li key="hexagon">
            <i className="swatch swatch-hexagon" style={{ background: `linear-gradient(90deg, ${cssColor(low)}, ${cssColor(high)})` }} />
            在办案件（六边形，越亮越多；放大至乡镇显示点位）
          </li>
        </ul>
        <ul className="keys">
          {POINT_KEYS.filter(([key]) => CASE_KEYS.has(key)).map(([key, shape, style, text]) => <li key={key} data-key={key}><i className={`${shape} ${key}`} style={style} />{text}</li>)}
        </ul>
        <p className="note">演示数据：边界为生成数据，非官方地图</p>
      </div>
    )
  }
  return (
    <div className="legend" data-testid="legend" data-theme={theme}>
      <ol className="themes">
        {THEMES.filter((t) => cycling || t === theme).map((t) => (
          <li key={t} className={t === theme ? 'current' : ''}>{THEME_NAME[t]}</li>
        ))}
      </ol>
      <ul className="keys">
        {THEME_KEY[theme](patrolHours).map(([key, style, text]) => <li key={key}><i className={`swatch swatch-${key}`} style={style} />{text}</li>)}
      </ul>
      <ul className="keys">
        {POINT_KEYS.map(([key, shape, style, text]) => <li key={key} data-key={key}><i className={`${shape} ${key}`} style={style} />{text}</li>)}
      </ul>
      <p className="note">演示数据：边界为生成数据，非官方地图</p>
    </div>
  )
}
