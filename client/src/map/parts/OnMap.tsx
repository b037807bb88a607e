import type * as maplibregl from 'maplibre-gl'
import { useEffect } from 'react'
import { useMapHandle } from '../mapHandle'

/** Gives the loaded map to what draws on it by itself (the grid editor's drawing tools). */
export function OnMap({ onMap }: { onMap: (map: maplibregl.Map) => void }) {
  const { map } = useMapHandle()
  useEffect(() => onMap(map), [map, onMap])
  return null
}
