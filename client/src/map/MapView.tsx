import { MapLibreOverlay } from '@deck.gl/maplibre'
import * as turf from '@turf/turf'
import * as maplibregl from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { citySources, cityStyle } from './cityLayers'
import { displayScale } from './displayScale'
import { drawWhenWhole } from './drawWhenWhole'
import type { City } from './loadCity'
import { MapContext, type MapHandle } from './mapHandle'
import { OVERLAY_DEVICE_PROPS } from './overlayContext'

maplibregl.setWorkerUrl(workerUrl)

/** Starts MapLibre's worker now, so its script loads and compiles while the screen's first reads are under way, not after the map is made. */
export const prewarmMap = () => maplibregl.prewarm()

/** `window.commandCentre`: the screen's map and its deck.gl overlays (`deck` the one on top, for picking), for the console and browser tests. */
export type CommandCentreHandle = { map: maplibregl.Map; deck: MapLibreOverlay; under: MapLibreOverlay }

/** Screen pixels covered by panels on each side, kept clear when the map frames something. */
export type Padding = { top: number; right: number; bottom: number; left: number }

/** A desk screen's margin round what it frames; its panel sits beside the map, not over it. */
export const DESK_PADDING: Padding = { top: 40, right: 40, bottom: 40, left: 40 }

/** `[minLon, minLat, maxLon, maxLat]`. */
export type Bounds = [number, number, number, number]

/** A base map other than the city's GeoJSON: a style of its own (a province's, from the vector tiles) and the box it frames. */
export type MapBase = { style: maplibregl.StyleSpecification; bounds: Bounds }

export type MapViewProps = {
  /** The city's regions, grids and roads; null while they load (the map is made once they are here). */
  city: City | null
  /** Instead of a city, a base of its own (`city` then null): the map is made with it. */
  base?: MapBase | null
  /** Frame this box instead of the whole city (an area of it), unless `view` is given. */
  bounds?: Bounds | null
  /** Whether grids take a shade (`GridShading`): their fill then mixes in a colour from feature state. */
  shaded?: boolean
  /** Frame the map there; null: the whole city. */
  view: { center: [number, number]; zoom: number } | null
  padding: Padding
  /** Whether mouse and keyboard move the map (not on a kiosk wall). */
  interactive: boolean
  /** What the screen draws on the map and how it listens to it (`client/src/map/parts/`), rendered once the map is loaded. */
  children?: ReactNode
  /** A second view beside the screen's map (the wall's inset of the town): named `inset-map`, and not the handle tests and the console reach. */
  inset?: boolean
}

/**
 * One MapLibre map with the city's base layers from the server and two deck.gl overlays: one interleaved
 * in its layer stack for what belongs under the lines and labels, one on a canvas of its own for what
 * moves, so a pulse redraws points, not the map. Each behaviour of a screen's map is a part of its own
 * (layers, shading, picking, flying, the ready mark), given as children; each owns its effect.
 */
export function MapView({ city, base = null, bounds = null, shaded = false, view, padding, interactive, children, inset = false }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null)
  const [handle, setHandle] = useState<MapHandle | null>(null)

  // The map is made once the city is here, with the city's sources in its first style: MapLibre's
  // worker starts cutting them into tiles at once, while the page compiles its deck.gl shaders and
  // loads the live state, instead of after a first empty frame (a second of a 4K wall in software).
  useEffect(() => {
    const made = base ?? (city && { style: cityStyle(city, { scale: displayScale(), shaded }), bounds: turf.bbox(city.regions as GeoJSON.FeatureCollection) as Bounds })
    if (!made) return
    const map = new maplibregl.Map({
      container: container.current!,
      style: made.style,
      ...(view ? { center: view.center, zoom: view.zoom } : { bounds: bounds ?? made.bounds, fitBoundsOptions: { padding } }),
      interactive,
      attributionControl: false,
      pixelRatio: 1,
      // A double-wide wall is 7,680 px across; MapLibre would clamp its canvas to 4,096.
      maxCanvasSize: [16_384, 16_384],
    })
    drawWhenWhole(map)
    const under = new MapLibreOverlay({ interleaved: true, useDevicePixels: 1, layers: [] })
    const over = new MapLibreOverlay({ interleaved: false, useDevicePixels: 1, layers: [], deviceProps: OVERLAY_DEVICE_PROPS })
    // Not 'load', which waits for the city's first full frame: the overlays' shaders compile meanwhile.
    map.once('style.load', () => {
      // After the city's layers, so deck.gl layers with no `beforeId` go on top.
      map.addControl(under)
      map.addControl(over)
      setHandle({ map, under, over })
    })
    // A handle for the console and for browser tests: what a GIS engineer would reach for first.
    if (!inset) (window as unknown as { commandCentre?: CommandCentreHandle }).commandCentre = { map, deck: over, under }
    return () => {
      setHandle(null)
      map.remove()
    }
    // Made once, when the city (or the base) first arrives: view, bounds, padding and interactivity are a
    // screen's fixed setup, and a city read again only replaces the sources' data (below).
  }, [city !== null || base !== null])

  // A city read again (grids redrawn and published) replaces the sources' data; the map stays.
  useEffect(() => {
    if (!handle || !city) return
    for (const [id, data] of Object.entries(citySources(city))) (handle.map.getSource(id) as maplibregl.GeoJSONSource | undefined)?.setData(data)
  }, [city])

  return (
    <div ref={container} className="city-map" data-testid={inset ? 'inset-map' : 'city-map'}>
      {handle && <MapContext.Provider value={handle}>{children}</MapContext.Provider>}
    </div>
  )
}
