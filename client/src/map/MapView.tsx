import type { Layer } from '@deck.gl/core'
import { MapLibreOverlay } from '@deck.gl/maplibre'
import * as turf from '@turf/turf'
import * as maplibregl from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { useEffect, useRef, useState } from 'react'
import type { GridProps } from '../../../contract'
import { CITY_SOURCES, citySources, cityStyle, GRID_SHADE_STATE } from './cityLayers'
import { displayScale } from './displayScale'
import { drawWhenWhole } from './drawWhenWhole'
import { OVERLAY_DEVICE_PROPS } from './overlayContext'
import { type Rgba, sameRgba } from './style/colors'
import type { City } from './loadCity'

maplibregl.setWorkerUrl(workerUrl)

/** Starts MapLibre's worker now, so its script loads and compiles while the screen's first reads are under way, not after the map is made. */
export const prewarmMap = () => maplibregl.prewarm()

/** `window.commandCentre`: the screen's map and its deck.gl overlays (`deck` the one on top, for picking), for the console and browser tests. */
export type CommandCentreHandle = { map: maplibregl.Map; deck: MapLibreOverlay; under: MapLibreOverlay }

/** What the deck.gl layers are drawn for: the animation time (ms epoch) and the map's zoom. */
export type Frame = { time: number; zoom: number }

export type MapViewProps = {
  /** The city's regions, grids and roads; null while they load (the map starts meanwhile). */
  city: City | null
  /**
   * deck.gl layers drawn inside MapLibre's stack (a layer's `beforeId` puts it under the base map's
   * lines and labels). Redrawing them redraws the whole map: give a new array only when what they
   * show changed.
   */
  under: Layer[]
  /**
   * Grid code → the colour drawn over that grid, under the roads, lines and labels; a grid not in it
   * is not shaded. Given only on a screen that shades grids; a new map redraws the base map (the
   * grids' triangles stay, their colours change), so give one only when the colours changed.
   */
  gridShades?: ReadonlyMap<string, Rgba>
  /**
   * deck.gl layers drawn on a canvas of their own over the map, for a frame: what moves and pulses.
   * Redrawn every animation frame while `animating`, without touching the map underneath.
   */
  over: (frame: Frame) => Layer[]
  animating: boolean
  /** Frame the map there; null: the whole city. */
  view: { center: [number, number]; zoom: number } | null
  /** Screen pixels covered by panels on each side, kept clear when the city is framed. */
  padding: { top: number; right: number; bottom: number; left: number }
  /** Told the zoom when the map has stopped zooming. */
  onZoom?: (zoom: number) => void
  /** Flown to when it changes: `[minLon, minLat, maxLon, maxLat]` of what the screen is about. */
  focus?: [number, number, number, number] | null
  /** Told the grid under a click, and the zoom it was clicked at. */
  onPick?: (grid: GridProps, zoom: number) => void
  /** Given the map once its style is loaded, for what draws on it by itself (the grid editor's drawing tools). */
  onMap?: (map: maplibregl.Map) => void
  /** Whether mouse and keyboard move the map (not on a kiosk wall). */
  interactive: boolean
  /** The screen's live data has arrived: `data-ready` is set on the first idle frame after it. */
  complete: boolean
}

/**
 * One MapLibre map with the city's base layers from the server and two deck.gl overlays: one
 * interleaved in its layer stack for what belongs under the lines and labels (grid shading), one on
 * a canvas of its own for what moves, so a pulse redraws points, not the map. At the first complete
 * frame it sets `data-ready` on its element, `data-rendered-grids` to how many grids are on screen,
 * and the performance mark `first-complete-frame`.
 */
export function MapView({ city, under, gridShades, over, animating, view, padding, onZoom, focus, onPick, onMap, interactive, complete }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null)
  const map = useRef<maplibregl.Map | null>(null)
  const overlays = useRef<{ under: MapLibreOverlay; over: MapLibreOverlay } | null>(null)
  const [loaded, setLoaded] = useState(false)

  // The map is made once the city is here, with the city's sources in its first style: MapLibre's
  // worker starts cutting them into tiles at once, while the page compiles its deck.gl shaders and
  // loads the live state, instead of after a first empty frame (a second of a 4K wall in software).
  useEffect(() => {
    if (!city || map.current) return
    const whole = turf.bbox(city.regions as GeoJSON.FeatureCollection) as [number, number, number, number]
    const m = new maplibregl.Map({
      container: container.current!,
      style: cityStyle(city, { scale: displayScale(), shaded: gridShades !== undefined }),
      ...(view ? { center: view.center, zoom: view.zoom } : { bounds: whole, fitBoundsOptions: { padding } }),
      interactive,
      attributionControl: false,
      pixelRatio: 1,
      // A double-wide wall is 7,680 px across; MapLibre would clamp its canvas to 4,096.
      maxCanvasSize: [16_384, 16_384],
    })
    drawWhenWhole(m)
    const o = {
      under: new MapLibreOverlay({ interleaved: true, useDevicePixels: 1, layers: [] }),
      over: new MapLibreOverlay({ interleaved: false, useDevicePixels: 1, layers: [], deviceProps: OVERLAY_DEVICE_PROPS }),
    }
    // Not 'load', which waits for the city's first full frame: the overlays' shaders compile meanwhile.
    m.once('style.load', () => {
      // After the city's layers, so deck.gl layers with no `beforeId` go on top.
      m.addControl(o.under)
      m.addControl(o.over)
      setLoaded(true)
    })
    map.current = m
    overlays.current = o
    // A handle for the console and for browser tests: what a GIS engineer would reach for first.
    ;(window as unknown as { commandCentre?: CommandCentreHandle }).commandCentre = { map: m, deck: o.over, under: o.under }
    // View, padding and interactivity are a screen's fixed setup: the map is made once.
  }, [city])

  // A city read again (grids redrawn and published) replaces the sources' data; the map stays.
  useEffect(() => {
    const m = map.current
    if (!loaded || !m || !city) return
    for (const [id, data] of Object.entries(citySources(city))) (m.getSource(id) as maplibregl.GeoJSONSource | undefined)?.setData(data)
  }, [city])

  useEffect(() => () => {
    map.current?.remove()
    map.current = null
    overlays.current = null
  }, [])

  useEffect(() => {
    if (loaded) overlays.current?.under.setProps({ layers: under })
  }, [under, loaded])

  const shaded = useRef<ReadonlyMap<string, Rgba>>(new Map())
  useEffect(() => {
    const m = map.current
    if (!loaded || !m || !gridShades) return
    const before = shaded.current
    for (const code of before.keys()) if (!gridShades.has(code)) m.removeFeatureState({ source: CITY_SOURCES.grids, id: code })
    for (const [code, colour] of gridShades) {
      const was = before.get(code)
      if (was && sameRgba(was, colour)) continue
      const [r, g, b, a] = colour
      m.setFeatureState({ source: CITY_SOURCES.grids, id: code }, { [GRID_SHADE_STATE.colour]: `rgb(${r}, ${g}, ${b})`, [GRID_SHADE_STATE.share]: a / 255 })
    }
    shaded.current = gridShades
  }, [gridShades, loaded])

  useEffect(() => {
    if (loaded && onMap) onMap(map.current!)
  }, [loaded, onMap])

  useEffect(() => {
    if (loaded && focus) map.current?.fitBounds(focus, { padding, duration: 500, maxZoom: 16 })
  }, [loaded, focus?.join()])

  useEffect(() => {
    const m = map.current
    if (!loaded || !m || !onPick) return
    const pick = (e: maplibregl.MapMouseEvent) => {
      const [hit] = m.queryRenderedFeatures(e.point, { layers: ['grid-fill'] })
      if (hit) onPick(hit.properties as GridProps, m.getZoom())
    }
    m.on('click', pick)
    return () => void m.off('click', pick)
  }, [loaded, onPick])

  useEffect(() => {
    const m = map.current
    if (!loaded || !m || !onZoom) return
    const tell = () => onZoom(m.getZoom())
    m.on('zoomend', tell)
    return () => void m.off('zoomend', tell)
  }, [loaded, onZoom])

  useEffect(() => {
    const m = map.current
    const o = overlays.current
    if (!loaded || !m || !o) return
    const draw = () => o.over.setProps({ layers: over({ time: Date.now(), zoom: m.getZoom() }) })
    draw()
    let frame = 0
    const loop = () => {
      draw()
      frame = requestAnimationFrame(loop)
    }
    if (animating) frame = requestAnimationFrame(loop)
    return () => cancelAnimationFrame(frame)
  }, [over, animating, loaded])

  useEffect(() => {
    const m = map.current
    if (!complete || !loaded || !m) return
    const el = container.current!
    const mark = () => {
      // The frame is drawn: marked before the grids on screen are counted for tests, which takes a while.
      performance.mark('first-complete-frame')
      const codes = new Set(m.queryRenderedFeatures({ layers: ['grid-fill'] }).map((f) => f.properties['code']))
      el.dataset.renderedGrids = String(codes.size)
      el.dataset.ready = 'true'
    }
    // The first frame drawn with the style and every source loaded, after the live data arrived. Not
    // 'idle': while a new report pulses the map never stops drawing.
    const onRender = () => {
      if (!m.loaded() || !m.getLayer('grid-fill')) return
      m.off('render', onRender)
      mark()
    }
    m.on('render', onRender)
    m.triggerRepaint()
    return () => void m.off('render', onRender)
  }, [complete, loaded])

  return <div ref={container} className="city-map" data-testid="city-map" />
}
