import { useEffect } from 'react'
import { useMapHandle } from '../mapHandle'
import type { Padding } from '../MapView'

/** Flies to `bbox` (`[minLon, minLat, maxLon, maxLat]`, what the screen is about) whenever it changes, keeping `padding` clear. */
export function FlyTo({ bbox, padding }: { bbox: [number, number, number, number] | null; padding: Padding }) {
  const { map } = useMapHandle()
  useEffect(() => {
    if (bbox) map.fitBounds(bbox, { padding, duration: 500, maxZoom: 16 })
  }, [map, bbox?.join()])
  return null
}
