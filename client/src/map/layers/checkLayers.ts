import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers'
import type { DraftCheck } from '../../../../contract'
import { COLOR } from '../style/colors'

type Finding = { at: [number, number] }

/**
 * Where a draft fails its check: overlaps in red and gaps in amber, drawn where they are, and a ring
 * round every finding, so a sliver a metre wide is still seen.
 */
export function checkLayers({ check, scale }: { check: DraftCheck; scale: number }) {
  const areas = {
    type: 'FeatureCollection' as const,
    features: [
      ...check.overlaps.map((o) => ({ type: 'Feature' as const, geometry: o.geometry as GeoJSON.Geometry, properties: { kind: 'overlap' } })),
      ...check.gaps.map((g) => ({ type: 'Feature' as const, geometry: g.geometry as GeoJSON.Geometry, properties: { kind: 'gap' } })),
    ],
  }
  const findings: Finding[] = [...check.errors, ...check.warnings]
  return [
    new GeoJsonLayer<{ kind: string }>({
      id: 'check-areas', data: areas, filled: true, stroked: true,
      getFillColor: (f) => (f.properties.kind === 'overlap' ? [255, 82, 82, 170] : [255, 179, 0, 170]),
      getLineColor: (f) => (f.properties.kind === 'overlap' ? COLOR.overdue : COLOR.dispute),
      lineWidthUnits: 'pixels', getLineWidth: 2 * scale,
    }),
    new ScatterplotLayer<Finding>({
      id: 'check-findings', data: findings, getPosition: (f) => f.at, filled: false, stroked: true,
      getLineColor: COLOR.overdue, radiusUnits: 'pixels', getRadius: 12 * scale, lineWidthUnits: 'pixels', getLineWidth: 2 * scale,
    }),
  ]
}
