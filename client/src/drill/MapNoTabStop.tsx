import { useEffect } from 'react'
import { useMapHandle } from '../map/mapHandle'

/**
 * Takes the map's canvases (MapLibre's and deck.gl's) out of the tab order: a Tab from the panel would stop on a
 * picture that says nothing, where the area picker reaches every area by name. A click still focuses the map, whose
 * arrow keys then move it (drill.css shows that focus). Named in Chinese: MapLibre calls it "Map".
 */
export function MapNoTabStop() {
  const { map } = useMapHandle()
  useEffect(() => {
    for (const canvas of map.getContainer().querySelectorAll('canvas')) canvas.tabIndex = -1
    map.getCanvas().setAttribute('aria-label', '城市地图')
  }, [map])
  return null
}
