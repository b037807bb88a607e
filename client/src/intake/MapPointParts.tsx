import type * as maplibregl from 'maplibre-gl'
import { useEffect } from 'react'
import { useMapHandle } from '../map/mapHandle'

/** A click on the map sets the report's point, told with the zoom it was clicked at; the cursor is a crosshair to say so. */
export function PointPicking({ onPoint }: { onPoint: (at: [number, number], zoom: number) => void }) {
  const { map } = useMapHandle()
  useEffect(() => {
    const canvas = map.getCanvas()
    canvas.style.cursor = 'crosshair'
    const pick = (e: maplibregl.MapMouseEvent) => onPoint([Number(e.lngLat.lng.toFixed(6)), Number(e.lngLat.lat.toFixed(6))], map.getZoom())
    map.on('click', pick)
    return () => {
      map.off('click', pick)
      canvas.style.cursor = ''
    }
  }, [map, onPoint])
  return null
}

/** Flies to `to.at`, close enough to read the streets, each time a new `to` is given (a place chosen, a search's place). */
export function FlyToPoint({ to }: { to: { at: [number, number]; zoom: number } | null }) {
  const { map } = useMapHandle()
  useEffect(() => {
    if (to) map.flyTo({ center: to.at, zoom: Math.max(map.getZoom(), to.zoom), duration: 700, essential: true })
  }, [map, to])
  return null
}
