import { SIMILAR_METRES } from '../../../contract'

/** What the seat's map shows, in its corner. */
export function MapLegend() {
  return (
    <ul className="intake-legend" aria-label="图例">
      <li><span className="mark point" />来电位置</li>
      <li><span className="mark reach" />{SIMILAR_METRES} 米范围</li>
      <li><span className="mark candidate" />疑似重复</li>
      <li><span className="dot dispute" />矛盾纠纷</li>
      <li><span className="dot hazard" />安全隐患</li>
      <li><span className="dot overdue" />超期</li>
      <li className="tip">点击地图可直接定位</li>
    </ul>
  )
}
