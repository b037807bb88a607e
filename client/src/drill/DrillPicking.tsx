import type * as maplibregl from 'maplibre-gl'
import { useEffect } from 'react'
import type { CaseSummary } from '../../../contract'
import { codePrefix } from '../../../domain/access'
import { useMapHandle } from '../map/mapHandle'
import { caseNear } from './caseNear'

/** How far from a case's centre a click still hits it, in pixels times the display scale: its drawn radius and a little. */
const HIT_PX = 9

/** A grid clicked on the map, from the city's GeoJSON or from a grid tile (whose township is `township`). */
export type PickedGrid = { code: string; name: string; townshipCode: string }

/**
 * What a click on the drill-down's map opens: the case drawn under it (`onCase`), else the grid under it, with
 * the zoom it was clicked at (`onGrid`, MapLibre's query of the grid fill); on a map from the tiles zoomed out
 * past the grids, the smallest region under it (`onRegion`, the tiles' `region-hit` fill). Cases are found by
 * their points on screen, not by a deck.gl picking pass on every press; the pointer says where a case can be clicked.
 */
export function DrillPicking({ cases, scale, onCase, onGrid, onRegion }: {
  cases: ReadonlyMap<number, CaseSummary>; scale: number; onCase: (id: number) => void; onGrid: (grid: PickedGrid, zoom: number) => void
  onRegion: (code: string) => void
}) {
  const { map } = useMapHandle()
  useEffect(() => {
    const near = (at: maplibregl.Point) => caseNear(cases.values(), at, (lonLat) => map.project(lonLat), HIT_PX * scale)
    const click = (e: maplibregl.MapMouseEvent) => {
      const hit = near(e.point)
      if (hit) return onCase(hit.id)
      const [grid] = map.queryRenderedFeatures(e.point, { layers: ['grid-fill'] })
      if (grid) {
        const p = grid.properties as { code: string; name: string; townshipCode?: string; township?: string }
        return onGrid({ code: p.code, name: p.name, townshipCode: p.townshipCode ?? p.township! }, map.getZoom())
      }
      if (!map.getLayer('region-hit')) return
      const codes = map.queryRenderedFeatures(e.point, { layers: ['region-hit'] }).map((f) => String(f.properties['code']))
      const smallest = codes.sort((a, b) => codePrefix(b).length - codePrefix(a).length)[0]
      if (smallest) onRegion(smallest)
    }
    const hover = (e: maplibregl.MapMouseEvent) => {
      map.getCanvas().style.cursor = near(e.point) ? 'pointer' : ''
    }
    map.on('click', click)
    map.on('mousemove', hover)
    return () => {
      map.off('click', click)
      map.off('mousemove', hover)
      map.getCanvas().style.cursor = ''
    }
  }, [map, cases, scale, onCase, onGrid, onRegion])
  return null
}
