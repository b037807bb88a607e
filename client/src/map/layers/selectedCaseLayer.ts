import { ScatterplotLayer } from '@deck.gl/layers'
import { COLOR } from '../style/colors'

/** The case open in a desk's pane, as a bright ring round its point, drawn over the cases; nothing when none is open. */
export function selectedCaseLayer({ at, scale }: { at: [number, number] | null; scale: number }) {
  return new ScatterplotLayer<[number, number]>({
    id: 'selected-case',
    data: at ? [at] : [],
    getPosition: (p) => p,
    getRadius: 13,
    getLineColor: COLOR.focus,
    getLineWidth: 3,
    radiusUnits: 'pixels',
    radiusScale: scale,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    stroked: true,
    filled: false,
  })
}
