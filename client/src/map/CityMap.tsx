import { MapLibreOverlay } from '@deck.gl/maplibre'
import * as turf from '@turf/turf'
import * as maplibregl from 'maplibre-gl'
import type { GeoJSONSourceSpecification } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { useEffect, useRef, useState } from 'react'
import { ApiError } from '../api/fetchJson'
import { LiveStatus } from '../live/LiveStatus'
import { useLive } from '../live/useLive'
import { useNow } from '../live/useNow'
import { casesLayer } from './layers/casesLayer'
import { CITY_SOURCES, cityLayers } from './cityLayers'
import { type City, loadCity, seatPoints } from './loadCity'
import { darkStyle, LABEL_FONT } from './style/darkStyle'

maplibregl.setWorkerUrl(workerUrl)

/** 1 on a 1080-line screen, 2 on a 4K wall: what lines and type are multiplied by to read the same from a distance. */
const displayScale = () => Math.max(1, window.innerHeight / 1080)

type Status = { kind: 'loading' } | { kind: 'ready'; city: City } | { kind: 'failed'; message: string }

/**
 * The city on a dark, offline map: regions and grids from the server, open cases live over them.
 * Sets `data-ready` on its element once the grids are drawn, and `data-rendered-grids` to how many
 * are on screen.
 */
export function CityMap() {
  const container = useRef<HTMLDivElement>(null)
  const overlay = useRef<MapLibreOverlay | null>(null)
  const [status, setStatus] = useState<Status>({ kind: 'loading' })
  const { state, connection } = useLive()
  const now = useNow(10_000)

  useEffect(() => {
    const el = container.current!
    const map = new maplibregl.Map({
      container: el,
      style: darkStyle(),
      center: [125.32, 46.4],
      zoom: 8.5,
      attributionControl: { compact: false, customAttribution: '演示数据：边界为生成数据，非官方地图' },
      pixelRatio: 1,
    })
    let cancelled = false
    const drawn = new Promise<void>((resolve) => map.once('load', () => resolve()))
    Promise.all([loadCity(), drawn, document.fonts.load(`16px "${LABEL_FONT[0]}"`, '安达市')])
      .then(([city]) => {
        if (cancelled) return
        const geojson = (data: unknown): GeoJSONSourceSpecification => ({ type: 'geojson', data: data as GeoJSON.GeoJSON })
        map.addSource(CITY_SOURCES.regions, geojson(city.regions))
        map.addSource(CITY_SOURCES.grids, geojson(city.grids))
        map.addSource(CITY_SOURCES.roads, geojson(city.roads))
        map.addSource(CITY_SOURCES.seats, geojson(seatPoints(city.regions)))
        for (const layer of cityLayers({ scale: displayScale() })) map.addLayer(layer)
        overlay.current = new MapLibreOverlay({ interleaved: false, useDevicePixels: 1, layers: [] })
        map.addControl(overlay.current)
        const [minX, minY, maxX, maxY] = turf.bbox(city.regions as GeoJSON.FeatureCollection)
        map.fitBounds([minX, minY, maxX, maxY], { padding: 40, duration: 0 })
        map.once('idle', () => {
          const codes = new Set(map.queryRenderedFeatures({ layers: ['grid-fill'] }).map((f) => f.properties['code']))
          el.dataset.renderedGrids = String(codes.size)
          el.dataset.ready = 'true'
        })
        setStatus({ kind: 'ready', city })
      })
      .catch((err: unknown) => {
        if (!cancelled) setStatus({ kind: 'failed', message: err instanceof ApiError ? err.message : '地图数据加载失败' })
      })
    return () => {
      cancelled = true
      overlay.current = null
      map.remove()
    }
  }, [])

  const ready = status.kind === 'ready'
  useEffect(() => {
    overlay.current?.setProps({ layers: [casesLayer({ state, now, scale: displayScale() })] })
  }, [ready, state, now])

  const city = status.kind === 'ready' ? status.city : null
  const townships = city?.regions.features.filter((f) => f.properties.level === 'township').length
  return (
    <>
      <div ref={container} className="city-map" data-testid="city-map" />
      <header className="map-title">
        <h1>安达市社会治理指挥中心</h1>
        {city && (
          <p>
            乡镇（街道）<span className="figure">{townships}</span> 个 · 网格 <span className="figure">{city.grids.features.length}</span> 个
          </p>
        )}
        <LiveStatus state={state} connection={connection} now={now} />
      </header>
      {status.kind === 'failed' && <div className="map-error" role="alert">{status.message}</div>}
    </>
  )
}
