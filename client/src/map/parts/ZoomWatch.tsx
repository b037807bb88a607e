import { useEffect } from 'react'
import { useMapHandle } from '../mapHandle'

/** Tells the zoom each time the map has stopped zooming. */
export function ZoomWatch({ onZoom }: { onZoom: (zoom: number) => void }) {
  const { map } = useMapHandle()
  useEffect(() => {
    const tell = () => onZoom(map.getZoom())
    map.on('zoomend', tell)
    return () => void map.off('zoomend', tell)
  }, [map, onZoom])
  return null
}
