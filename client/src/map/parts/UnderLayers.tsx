import type { Layer } from '@deck.gl/core'
import { useEffect } from 'react'
import { useMapHandle } from '../mapHandle'

/**
 * deck.gl layers drawn inside MapLibre's stack (a layer's `beforeId` puts it under the base map's lines
 * and labels). Redrawing them redraws the whole map: give a new array only when what they show changed.
 */
export function UnderLayers({ layers }: { layers: Layer[] }) {
  const { under } = useMapHandle()
  useEffect(() => under.setProps({ layers }), [under, layers])
  return null
}
