import { useEffect } from 'react'
import { useMapHandle } from '../mapHandle'

/**
 * Once `complete` (the screen's live data has arrived), at the first frame drawn with the style and every
 * source loaded: the performance mark `first-complete-frame`, then on the map's element `data-rendered-grids`
 * (how many grids are on screen) and `data-ready`, the signal browser tests and the bench wait for; then `onDrawn`.
 */
export function ReadyMark({ complete, onDrawn }: { complete: boolean; onDrawn?: () => void }) {
  const { map } = useMapHandle()
  useEffect(() => {
    if (!complete) return
    const el = map.getContainer()
    const mark = () => {
      // The frame is drawn: marked before the grids on screen are counted for tests, which takes a while.
      performance.mark('first-complete-frame')
      const codes = new Set(map.queryRenderedFeatures({ layers: ['grid-fill'] }).map((f) => f.properties['code']))
      el.dataset.renderedGrids = String(codes.size)
      el.dataset.ready = 'true'
      onDrawn?.()
    }
    // Not 'idle': while a new report pulses the map never stops drawing.
    const onRender = () => {
      if (!map.loaded() || !map.getLayer('grid-fill')) return
      map.off('render', onRender)
      mark()
    }
    map.on('render', onRender)
    map.triggerRepaint()
    return () => void map.off('render', onRender)
  }, [map, complete, onDrawn])
  return null
}
