import { useEffect, useRef } from 'react'
import { CITY_SOURCES, GRID_SHADE_STATE } from '../cityLayers'
import { useMapHandle } from '../mapHandle'
import { type Rgba, sameRgba } from '../style/colors'

/**
 * Grid code → the colour mixed into that grid's fill, under the roads, lines and labels; a grid not in it
 * is not shaded. Set as MapLibre feature state, only for the grids whose colour changed: each change
 * redraws the base map, so give a new map only when the colours changed. The map must be made `shaded`.
 */
export function GridShading({ shades }: { shades: ReadonlyMap<string, Rgba> }) {
  const { map } = useMapHandle()
  const shaded = useRef<ReadonlyMap<string, Rgba>>(new Map())
  useEffect(() => {
    const before = shaded.current
    for (const code of before.keys()) if (!shades.has(code)) map.removeFeatureState({ source: CITY_SOURCES.grids, id: code })
    for (const [code, colour] of shades) {
      const was = before.get(code)
      if (was && sameRgba(was, colour)) continue
      const [r, g, b, a] = colour
      map.setFeatureState({ source: CITY_SOURCES.grids, id: code }, { [GRID_SHADE_STATE.colour]: `rgb(${r}, ${g}, ${b})`, [GRID_SHADE_STATE.share]: a / 255 })
    }
    shaded.current = shades
  }, [map, shades])
  return null
}
