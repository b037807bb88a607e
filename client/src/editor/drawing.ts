import type * as maplibregl from 'maplibre-gl'
import {
  type GeoJSONStoreFeatures, TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode, ValidateNotSelfIntersecting,
} from 'terra-draw'
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter'

/** What the analyst is doing on the map: picking and reshaping grids, drawing a new one, or drawing the line a grid is split by. */
export type DrawMode = 'select' | 'polygon' | 'linestring'

/** A grid as the drawing tools hold it: its code is its id, so the map's features and the draft's stay one. */
export type DrawnGrid = { code: string; polygon: GeoJSON.Polygon }

/** Vertices snap to neighbours' vertices and edges, so a redrawn edge stays shared and grids stay neighbours. */
const SNAP = { toCoordinate: true, toLine: true } as const
const GRID_STYLE = { fillColor: '#4fc3f7', fillOpacity: 0.12, outlineColor: '#4fc3f7', outlineWidth: 2 } as const

/**
 * terra-draw on the editor's map: polygons whose vertices can be dragged (snapping to their
 * neighbours), new ones drawn, a line drawn to split one. It keeps only geometry; the grids'
 * attributes live in the draft. A grid's code is its feature id.
 */
export function startDrawing(map: maplibregl.Map, events: {
  /** A grid's shape was changed (a vertex moved, added or deleted) or a new one finished (`code` is then terra-draw's new id). */
  onShape: (id: string, polygon: GeoJSON.Polygon) => void
  onLine: (line: [number, number][]) => void
  onSelect: (id: string | null) => void
}): { draw: TerraDraw; show(grids: readonly DrawnGrid[]): void; stop(): void } {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 6 }),
    modes: [
      new TerraDrawSelectMode({
        flags: {
          polygon: {
            feature: {
              draggable: false,
              coordinates: { draggable: true, snappable: SNAP, midpoints: true, deletable: true },
            },
          },
        },
      }),
      new TerraDrawPolygonMode({ snapping: SNAP, validation: (f, { updateType }) => (updateType === 'finish' ? ValidateNotSelfIntersecting(f) : { valid: true }), styles: GRID_STYLE }),
      new TerraDrawLineStringMode({ snapping: SNAP, styles: { lineStringColor: '#ff5252', lineStringWidth: 3 } }),
    ],
    idStrategy: {
      isValidId: (id) => typeof id === 'string' && id.length > 0,
      getId: (() => {
        let n = 0
        return () => `new-${Date.now().toString(36)}-${n++}`
      })(),
    },
  })
  draw.start()
  draw.setMode('select')

  draw.on('finish', (id, context) => {
    const feature = draw.getSnapshotFeature(id)
    if (!feature) return
    if (feature.geometry.type === 'LineString') {
      draw.removeFeatures([id])
      draw.setMode('select')
      events.onLine(feature.geometry.coordinates as [number, number][])
    } else if (feature.geometry.type === 'Polygon') {
      if (context.action === 'draw') draw.setMode('select')
      events.onShape(String(id), feature.geometry)
    }
  })
  draw.on('select', (id) => events.onSelect(String(id)))
  draw.on('deselect', () => events.onSelect(null))

  return {
    draw,
    show(grids) {
      draw.clear()
      const features: GeoJSONStoreFeatures[] = grids.map((g) => ({
        id: g.code, type: 'Feature', geometry: g.polygon, properties: { mode: 'polygon' },
      }))
      draw.addFeatures(features)
    },
    stop: () => draw.stop(),
  }
}
