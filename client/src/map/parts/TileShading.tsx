import { useEffect, useRef } from 'react'
import { GRID_SHADE_STATE } from '../cityLayers'
import { useMapHandle } from '../mapHandle'
import { type Rgba, sameRgba } from '../style/colors'

/**
 * Region code → the colour mixed into that region's ground on a map drawn from vector tiles (`tiledStyle`'s
 * `child-fill`); a region not in it is not shaded. As `GridShading`, set as feature state, only for the regions
 * whose colour changed; the state holds for tiles not loaded yet, and for tiles loaded again.
 */
export function TileShading({ source, shades }: { source: string; shades: ReadonlyMap<string, Rgba> }) {
  const { map } = useMapHandle()
  const shaded = useRef<ReadonlyMap<string, Rgba>>(new Map())
  useEffect(() => {
    const before = shaded.current
    const feature = (id: string) => ({ source, sourceLayer: source, id })
    for (const code of before.keys()) if (!shades.has(code)) map.removeFeatureState(feature(code))
    for (const [code, colour] of shades) {
      const was = before.get(code)
      if (was && sameRgba(was, colour)) continue
      const [r, g, b, a] = colour
      map.setFeatureState(feature(code), { [GRID_SHADE_STATE.colour]: `rgb(${r}, ${g}, ${b})`, [GRID_SHADE_STATE.share]: a / 255 })
    }
    shaded.current = shades
  }, [map, source, shades])
  return null
}
