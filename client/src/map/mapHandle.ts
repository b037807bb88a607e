import type { MapLibreOverlay } from '@deck.gl/maplibre'
import type * as maplibregl from 'maplibre-gl'
import { createContext, useContext } from 'react'

/** The screen's map once its style has loaded, with its two deck.gl overlays: `under` interleaved in its stack, `over` on a canvas of its own. */
export type MapHandle = { map: maplibregl.Map; under: MapLibreOverlay; over: MapLibreOverlay }

export const MapContext = createContext<MapHandle | null>(null)

/** The map a part of it is drawn on; parts are rendered by `MapView` only once the map is loaded. */
export function useMapHandle(): MapHandle {
  const handle = useContext(MapContext)
  if (!handle) throw new Error('a map part is rendered outside a loaded MapView')
  return handle
}
