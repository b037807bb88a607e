import { useEffect, useRef } from 'react'
import { useMapHandle } from '../map/mapHandle'

/** Calls `onDrawn` once, at the first frame the map draws with its style and every source loaded. */
export function FirstFrame({ onDrawn }: { onDrawn: () => void }) {
  const { map } = useMapHandle()
  const latest = useRef(onDrawn)
  latest.current = onDrawn
  useEffect(() => {
    const onRender = () => {
      if (!map.loaded()) return
      map.off('render', onRender)
      latest.current()
    }
    map.on('render', onRender)
    map.triggerRepaint()
    return () => void map.off('render', onRender)
  }, [map])
  return null
}
