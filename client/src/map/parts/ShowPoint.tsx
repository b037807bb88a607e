import { useEffect } from 'react'
import { useMapHandle } from '../mapHandle'

/** Pans the map to `at` when it lies outside what is on screen (a case opened from a list), keeping the zoom. */
export function ShowPoint({ at }: { at: [number, number] | null }) {
  const { map } = useMapHandle()
  useEffect(() => {
    if (at && !map.getBounds().contains(at)) map.easeTo({ center: at, duration: 400 })
  }, [map, at?.join()])
  return null
}
