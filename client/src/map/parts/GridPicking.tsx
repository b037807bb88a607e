import type * as maplibregl from 'maplibre-gl'
import { useEffect } from 'react'
import type { GridProps } from '../../../../contract'
import { useMapHandle } from '../mapHandle'

/** Tells the grid under a click, and the zoom it was clicked at (MapLibre's query of the grid fill, not a deck.gl pick). */
export function GridPicking({ onPick }: { onPick: (grid: GridProps, zoom: number) => void }) {
  const { map } = useMapHandle()
  useEffect(() => {
    const pick = (e: maplibregl.MapMouseEvent) => {
      const [hit] = map.queryRenderedFeatures(e.point, { layers: ['grid-fill'] })
      if (hit) onPick(hit.properties as GridProps, map.getZoom())
    }
    map.on('click', pick)
    return () => void map.off('click', pick)
  }, [map, onPick])
  return null
}
