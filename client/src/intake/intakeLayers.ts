import { ScatterplotLayer, TextLayer } from '@deck.gl/layers'
import { type CaseSummary, SIMILAR_METRES, type SimilarCase } from '../../../contract'
import { casesLayer } from '../map/layers/casesLayer'
import { ringsLayer } from '../map/layers/ringsLayer'
import { LABEL_FONT } from '../map/style/darkStyle'
import { COLOR, type Rgba } from '../map/style/colors'

/** The seat's own marks: white rings and numbers for the cases offered as duplicates, the report's point in the focus colour. */
const CANDIDATE: Rgba = [255, 255, 255, 235]
const DIGITS = '0123456789'.split('')

export type IntakeMap = {
  /** Open cases around the point (its township's), as the wall draws them. */
  nearby: ReadonlyMap<number, CaseSummary>
  similar: readonly SimilarCase[]
  /** The case the report will be merged into, ringed boldly; null: a new case. */
  mergeInto: number | null
  point: [number, number] | null
  now: number
  scale: number
}

/** The circle within which a case of the same kind counts as nearby (SIMILAR_METRES), faint round the point. */
function reachLayer(point: [number, number] | null) {
  return new ScatterplotLayer<{ at: [number, number] }>({
    id: 'intake-reach',
    data: point ? [{ at: point }] : [],
    getPosition: (d) => d.at,
    getRadius: SIMILAR_METRES,
    radiusUnits: 'meters',
    getFillColor: [79, 195, 247, 28],
    getLineColor: [79, 195, 247, 150],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    stroked: true,
  })
}

/** The report's point: a filled dot with a dark edge and a ring, over everything else. */
function pointLayer(point: [number, number] | null, scale: number) {
  return new ScatterplotLayer<{ at: [number, number] }>({
    id: 'intake-point',
    data: point ? [{ at: point }] : [],
    getPosition: (d) => d.at,
    getRadius: 7,
    radiusUnits: 'pixels',
    radiusScale: scale,
    getFillColor: COLOR.focus,
    getLineColor: COLOR.outline,
    getLineWidth: 2.5,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    stroked: true,
  })
}

/** Each duplicate candidate's number in the list (1 … 9, what Alt+n merges into), beside its ring. */
function candidateNumbersLayer(similar: readonly SimilarCase[], scale: number) {
  return new TextLayer<SimilarCase>({
    id: 'intake-candidate-numbers',
    data: similar.slice(0, 9) as SimilarCase[],
    getPosition: (s) => s.case.location,
    getText: (s) => String(similar.indexOf(s) + 1),
    characterSet: DIGITS,
    fontFamily: LABEL_FONT[0],
    fontWeight: 700,
    getSize: 14 * scale,
    getColor: CANDIDATE,
    getPixelOffset: [14 * scale, -14 * scale],
    outlineWidth: 3,
    outlineColor: COLOR.outline,
    fontSettings: { sdf: true },
  })
}

/** Over the map: the reach round the point, the open cases near it, the duplicate candidates ringed and numbered, the point. */
export function intakeLayers({ nearby, similar, mergeInto, point, now, scale }: IntakeMap) {
  const target = similar.filter((s) => s.case.id === mergeInto).map((s) => s.case)
  return [
    reachLayer(point),
    casesLayer({ cases: nearby, now, scale, pickable: false }),
    ringsLayer({ id: 'intake-candidates', data: similar.map((s) => s.case), color: CANDIDATE, radius: 11, width: 2, scale }),
    ringsLayer({ id: 'intake-merge-target', data: target, color: COLOR.focus, radius: 16, width: 4, scale }),
    candidateNumbersLayer(similar, scale),
    pointLayer(point, scale),
  ]
}
