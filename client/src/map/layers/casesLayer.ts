import { ScatterplotLayer } from '@deck.gl/layers'
import type { CaseSummary } from '../../../../contract'
import type { LiveState } from '../../live/liveState'

type Rgba = [number, number, number, number]

/** One meaning each: disputes amber, hazards cyan, anything overdue red. */
export const CASE_COLOR: { dispute: Rgba; hazard: Rgba; overdue: Rgba } = {
  dispute: [255, 179, 0, 235],
  hazard: [79, 195, 247, 235],
  overdue: [255, 82, 82, 255],
}

/** Open cases as points, coloured by kind and overdue; sizes in pixels, times the display scale. */
export function casesLayer({ state, now, scale }: { state: LiveState; now: number; scale: number }) {
  const overdue = (c: CaseSummary) => c.dueAt !== null && Date.parse(c.dueAt) < now
  return new ScatterplotLayer<CaseSummary>({
    id: 'cases',
    data: [...state.cases.values()],
    getPosition: (c) => c.location,
    getFillColor: (c) => (overdue(c) ? CASE_COLOR.overdue : CASE_COLOR[c.category]),
    getLineColor: [5, 8, 13, 255],
    getRadius: (c) => (overdue(c) ? 7 : 5) + c.escalations * 2,
    radiusUnits: 'pixels',
    radiusScale: scale,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    stroked: true,
    updateTriggers: { getFillColor: [state.version, now], getRadius: [state.version, now] },
  })
}
