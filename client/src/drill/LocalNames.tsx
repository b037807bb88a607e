import { useEffect } from 'react'
import { useMapHandle } from '../map/mapHandle'

/** The base map's names of townships and communities (cityLayers). */
const LOCAL_NAME_LAYERS = ['township-label', 'community-label']

/**
 * Shows or hides the base map's township and community names: a province or prefecture on screen names its own
 * areas one level down (childAreasLayers), and hundreds of township names under them would only crowd those out.
 */
export function LocalNames({ shown }: { shown: boolean }) {
  const { map } = useMapHandle()
  useEffect(() => {
    for (const id of LOCAL_NAME_LAYERS) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', shown ? 'visible' : 'none')
  }, [map, shown])
  return null
}
