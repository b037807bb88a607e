import { COVER_LOSS_SHOWN } from './gridShades'
import { THEMES, type Theme } from './wallConfig'

const THEME_NAME: Record<Theme, string> = { cases: '案件分布', cameras: '视频覆盖', patrols: '巡防覆盖' }
const THEME_KEY: Record<Theme, (patrolHours: number) => [string, string][]> = {
  cases: () => [['swatch-dispute', '有在办案件'], ['swatch-overdue', '有超期案件']],
  cameras: () => [['swatch-camera-off', `视频覆盖下降 ≥ ${COVER_LOSS_SHOWN * 100}%`]],
  patrols: (h) => [['swatch-patrol', `近${h}小时有巡防`], ['swatch-none', '未巡']],
}

/**
 * What the grid shading shows now (and the themes it cycles through), and the points' colours:
 * each colour one meaning, said in words once.
 */
export function Legend({ theme, cycling, patrolHours }: { theme: Theme; cycling: boolean; patrolHours: number }) {
  return (
    <div className="legend" data-testid="legend" data-theme={theme}>
      <ol className="themes">
        {THEMES.filter((t) => cycling || t === theme).map((t) => (
          <li key={t} className={t === theme ? 'current' : ''}>{THEME_NAME[t]}</li>
        ))}
      </ol>
      <ul className="keys">
        {THEME_KEY[theme](patrolHours).map(([swatch, text]) => <li key={swatch}><i className={`swatch ${swatch}`} />{text}</li>)}
      </ul>
      <ul className="keys">
        <li><i className="dot dispute" />矛盾纠纷</li>
        <li><i className="dot hazard" />安全隐患</li>
        <li><i className="dot overdue" />超期</li>
        <li><i className="dot escalated" />上移（社·镇·市）</li>
        <li><i className="dot awaiting" />待签收·部门未报到</li>
        <li><i className="dot camera" />摄像机</li>
        <li><i className="dot camera-off" />离线</li>
        <li><i className="dot camera-faulty" />故障</li>
        <li><i className="dot patrol" />巡防力量</li>
      </ul>
      <p className="note">演示数据：边界为生成数据，非官方地图</p>
    </div>
  )
}
