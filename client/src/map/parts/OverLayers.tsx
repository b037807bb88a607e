import type { Layer } from '@deck.gl/core'
import { useEffect } from 'react'
import { useMapHandle } from '../mapHandle'

/** What the deck.gl layers are drawn for: the animation time (ms epoch) and the map's zoom. */
export type Frame = { time: number; zoom: number }

/**
 * deck.gl layers drawn on a canvas of their own over the map, for a frame: what moves and pulses. Redrawn
 * every animation frame while `animating`, without touching the map underneath.
 */
export function OverLayers({ layers, animating }: { layers: (frame: Frame) => Layer[]; animating: boolean }) {
  const { map, over } = useMapHandle()
  useEffect(() => {
    const draw = () => over.setProps({ layers: layers({ time: Date.now(), zoom: map.getZoom() }) })
    draw()
    let frame = 0
    const loop = () => {
      draw()
      frame = requestAnimationFrame(loop)
    }
    if (animating) frame = requestAnimationFrame(loop)
    return () => cancelAnimationFrame(frame)
  }, [map, over, layers, animating])
  return null
}
