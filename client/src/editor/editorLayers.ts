import { GeoJsonLayer, TextLayer } from '@deck.gl/layers'
import * as turf from '@turf/turf'
import type { DraftFeature } from '../../../contract'
import { COLOR, type Rgba } from '../map/style/colors'
import { LABEL_FONT } from '../map/style/darkStyle'

/** Where a grid's number is written: a point inside it (the centre of an L-shaped grid may lie outside). */
export type GridLabel = { code: string; at: [number, number] }

export const gridLabelsOf = (grids: readonly DraftFeature[]): GridLabel[] =>
  grids.map((f) => ({ code: f.properties.code, at: turf.pointOnFeature(f as GeoJSON.Feature).geometry.coordinates as [number, number] }))

/** A published grid's edge: fixed, not a draft's cyan that can be dragged. */
const PUBLISHED: Rgba = [235, 240, 245, 230]

export type EditorMap = {
  labels: GridLabel[]
  /** The grid a line is being drawn across, kept in sight while the drawing mode hides its selection. */
  splitting: DraftFeature | null
  /** The grids just published, drawn read-only. */
  published: DraftFeature[]
  scale: number
}

/** Over the editor's map: the published grids' edges, the grid being split, and every grid's number (its code's last three digits). */
export function editorLayers({ labels, splitting, published, scale }: EditorMap) {
  return [
    new GeoJsonLayer({
      id: 'editor-published',
      data: { type: 'FeatureCollection', features: published as GeoJSON.Feature[] },
      filled: false, stroked: true, getLineColor: PUBLISHED, lineWidthUnits: 'pixels', getLineWidth: 2 * scale,
    }),
    new GeoJsonLayer({
      id: 'editor-splitting',
      data: { type: 'FeatureCollection', features: splitting ? [splitting as GeoJSON.Feature] : [] },
      filled: true, stroked: true, getFillColor: [79, 195, 247, 70], getLineColor: COLOR.focus, lineWidthUnits: 'pixels', getLineWidth: 4 * scale,
    }),
    new TextLayer<GridLabel>({
      id: 'editor-grid-labels',
      data: labels,
      getPosition: (l) => l.at,
      getText: (l) => l.code.slice(12),
      characterSet: '0123456789'.split(''),
      fontFamily: LABEL_FONT[0],
      fontWeight: 700,
      getSize: 15 * scale,
      getColor: [255, 255, 255, 255],
      outlineWidth: 3,
      outlineColor: COLOR.outline,
      fontSettings: { sdf: true },
    }),
  ]
}
