import { GeoJsonLayer, PathLayer, TextLayer } from '@deck.gl/layers'
import * as turf from '@turf/turf'
import type { DraftFeature, RegionCollection } from '../../../contract'
import { COLOR, type Rgba, withAlpha } from '../map/style/colors'
import { LABEL_FONT } from '../map/style/darkStyle'

/** Where a grid's number is written: a point inside it (the centre of an L-shaped grid may lie outside). */
export type GridLabel = { code: string; at: [number, number] }

export const gridLabelsOf = (grids: readonly DraftFeature[]): GridLabel[] =>
  grids.map((f) => ({ code: f.properties.code, at: turf.pointOnFeature(f as GeoJSON.Feature).geometry.coordinates as [number, number] }))

/** A published grid's edge: fixed, not a draft's cyan that can be dragged. */
const PUBLISHED: Rgba = [235, 240, 245, 230]
/** The grids a merge may take, lit while the analyst picks one on the map. */
const NEIGHBOUR: Rgba = [100, 245, 80, 255]

type Ring = [number, number][]
const ringsOf = (g: GeoJSON.Geometry): Ring[] =>
  g.type === 'Polygon' ? g.coordinates as Ring[] : g.type === 'MultiPolygon' ? g.coordinates.flat() as Ring[] : []

export type EditorMap = {
  labels: GridLabel[]
  /** The grid a line is being drawn across, kept in sight while the drawing mode hides its selection. */
  splitting: DraftFeature | null
  /** The grids just published, drawn read-only. */
  published: DraftFeature[]
  /** The community chosen, its edge outlined. */
  community: RegionCollection['features'][number] | null
  /** The grids a merge may take, lit while one is picked on the map. */
  neighbours: DraftFeature[]
  scale: number
}

/**
 * Over the editor's map: the chosen community's edge, the published grids' edges, the grid being split, the neighbours
 * a merge may take, and every grid's number (its code's last three digits).
 */
export function editorLayers({ labels, splitting, published, community, neighbours, scale }: EditorMap) {
  return [
    new PathLayer<Ring>({
      id: 'editor-community',
      data: community ? ringsOf(community.geometry as GeoJSON.Geometry) : [],
      getPath: (ring) => ring, getColor: COLOR.focus, getWidth: 5, widthUnits: 'pixels', widthScale: scale,
    }),
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
    new GeoJsonLayer({
      id: 'editor-neighbours',
      data: { type: 'FeatureCollection', features: neighbours as GeoJSON.Feature[] },
      filled: true, stroked: true, getFillColor: withAlpha(NEIGHBOUR, 0.22), getLineColor: NEIGHBOUR, lineWidthUnits: 'pixels', getLineWidth: 3 * scale,
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
