import type { CaseSummary } from '../../../contract'
import { areaMaskLayer } from '../map/layers/areaMaskLayer'
import { areaOutlineLayer } from '../map/layers/areaOutlineLayer'
import { casesLayer } from '../map/layers/casesLayer'
import { selectedCaseLayer } from '../map/layers/selectedCaseLayer'
import type { DeskArea } from './deskArea'

/** Under the map's lines and labels: the rest of the city dimmed round the desk's area; nothing for a department. */
export const deskUnderLayers = (area: DeskArea | null) => (area ? [areaMaskLayer({ area: area.geometry, beforeId: 'community-label' })] : [])

/** Over the map: the area's edge, the inbox's cases (red once overdue), the open one ringed. */
export function deskOverLayers({ area, cases, selected, now, scale }: {
  area: DeskArea | null; cases: ReadonlyMap<number, CaseSummary>; selected: CaseSummary | null; now: number; scale: number
}) {
  return [
    ...(area ? [areaOutlineLayer({ area: area.geometry, scale })] : []),
    casesLayer({ cases, now, scale, pickable: false }),
    selectedCaseLayer({ at: selected?.location ?? null, scale }),
  ]
}
