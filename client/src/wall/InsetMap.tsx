import type { Layer } from '@deck.gl/core'
import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { City } from '../map/loadCity'
import { MapView } from '../map/MapView'
import { GridShading } from '../map/parts/GridShading'
import { type Frame, OverLayers } from '../map/parts/OverLayers'
import { UnderLayers } from '../map/parts/UnderLayers'
import type { Rgba } from '../map/style/colors'
import { fitView, townCentreBbox } from './townCentre'

const NO_PADDING = { top: 0, right: 0, bottom: 0, left: 0 }

/**
 * The town centre, where most cases are, closer in beside the city: a second map of the same city, shaded
 * and drawn by the same layer functions as the city map (the points the same size, so a case reads the same
 * in both). Its view is fitted to the streets once its box has a size; it does not move after.
 */
export function InsetMap({ city, shades, over, under, animating }: {
  city: City
  shades: ReadonlyMap<string, Rgba>
  over: (frame: Frame) => Layer[]
  under: (zoom: number) => Layer[]
  /** Whether to draw every frame (pulses of new reports); otherwise the layers are drawn as they change. */
  animating: boolean
}) {
  const box = useRef<HTMLDivElement>(null)
  const [size, setSize] = useState<{ width: number; height: number } | null>(null)
  useLayoutEffect(() => {
    const r = box.current!.getBoundingClientRect()
    setSize({ width: r.width, height: r.height })
  }, [])
  const bbox = useMemo(() => townCentreBbox(city.regions), [city])
  const view = useMemo(() => (bbox && size ? fitView(bbox, size.width, size.height) : null), [bbox, size])
  const underLayers = useMemo(() => (view ? under(view.zoom) : []), [under, view])
  return (
    <section className="wall-inset" data-testid="wall-inset" aria-label="城区放大">
      <h2>城区 · 放大</h2>
      <div ref={box} className="inset-box">
        {view && (
          <MapView city={city} shaded view={view} padding={NO_PADDING} interactive={false} inset>
            <UnderLayers layers={underLayers} />
            <GridShading shades={shades} />
            <OverLayers layers={over} animating={animating} />
          </MapView>
        )}
      </div>
    </section>
  )
}
