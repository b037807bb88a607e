import { useCallback, useMemo, useState } from 'react'
import { Figures, type Me, Rankings } from '../../../contract'
import { homeRooms } from '../../../domain/access'
import { SignedInBar } from '../session/SignedInBar'
import { clockDate, clockTime } from '../ui/format'
import { LiveStatus } from '../live/LiveStatus'
import { useLive } from '../live/useLive'
import { useNow } from '../live/useNow'
import { useThrottled } from '../live/useThrottled'
import { displayScale } from '../map/displayScale'
import { freshCases } from '../map/layers/pulsesLayer'
import { trailColumns } from '../map/layers/trailsLayer'
import { MapView } from '../map/MapView'
import { GridShading } from '../map/parts/GridShading'
import { type Frame, OverLayers } from '../map/parts/OverLayers'
import { ReadyMark } from '../map/parts/ReadyMark'
import { UnderLayers } from '../map/parts/UnderLayers'
import { ZoomWatch } from '../map/parts/ZoomWatch'
import { type City, seatPoints } from '../map/loadCity'
import type { PlaceLabel } from '../map/layers/placeLabelsLayer'
import { overdueItems } from '../live/ticker'
import { useCity } from '../map/useCity'
import { NoticeLine } from '../ui/Notice'
import { cameraChangesSummary } from './cameraChanges'
import { KpiPanel } from './KpiPanel'
import { rankedUnitFor } from './rankedUnitFor'
import { Legend } from './Legend'
import { Ticker } from './Ticker'
import { FOLLOW_MS, useGridShading } from './useGridShading'
import { useKpis } from '../api/useKpis'
import { useMinutely } from './useMinutely'
import { rankingShownAt, themeAt, type WallConfig } from './wallConfig'
import './wall.css'
import { VIEWS_MIN_ZOOM } from '../map/layers/cameraViewsLayer'
import { wallOverLayers, wallUnderLayers } from './wallLayers'

/** Overdue points and trail fading are judged at this step, not every second. */
const JUDGE_STEP_MS = 10_000

/**
 * The operators' video wall: the live city on the map, the KPI panel on the right, the latest events
 * along the bottom, the clock and whether the wall is live at the top. Made for a 4K screen read from
 * several metres (sizes follow the screen's height) and for running for days without a touch. It shows
 * what the signed-in account's scope reaches (a wall display's: the city), live from the scope's rooms.
 */
export function Wall({ config, me }: { config: WallConfig; me: Me }) {
  const rooms = useMemo(() => homeRooms(me.scope), [me.scope])
  const { state, connection, synced } = useLive(rooms)
  const status = useCity(state.boundariesAt)
  const now = useNow(1000)
  const kpis = useKpis(state.seq, config.patrolHours)
  const theme = themeAt(now, config.theme, config.cycleSeconds)
  const rankedUnit = rankedUnitFor(me.scope)
  const rankings = useMinutely(rankedUnit && `/api/v1/rankings?unit=${rankedUnit}&period=month`, Rankings)
  const ranOverToday = useMinutely('/api/v1/figures?period=day', Figures)?.totals.current.ranOver ?? null
  const ranking = rankedUnit && { unit: rankedUnit, rankings, shown: rankingShownAt(now, config.turnSeconds) }
  const city = status.kind === 'ready' ? status.city : null

  const judgedAt = Math.floor(now / JUDGE_STEP_MS) * JUDGE_STEP_MS
  const shades = useGridShading(theme, state, synced, now, config.patrolHours)
  // Camera views are drawn under the map's lines only closer in; further out a camera going down must not redraw the map.
  const [viewsShown, setViewsShown] = useState((config.view?.zoom ?? 0) >= VIEWS_MIN_ZOOM)
  const onZoom = useCallback((zoom: number) => setViewsShown(zoom >= VIEWS_MIN_ZOOM), [])
  const throttledCameras = useThrottled(state.cameras, FOLLOW_MS.cameras)
  const viewCameras = viewsShown ? throttledCameras : null
  // Trails keep a fix per 30 s (the unit's dot is drawn at once): following them every step, not every fix, spares re-sending all of them to the GPU.
  const trailsShown = useThrottled(state.trails, JUDGE_STEP_MS)
  const trails = useMemo(() => trailColumns(trailsShown, judgedAt), [trailsShown, judgedAt])
  const scale = displayScale()
  // Each callback changes only with what its layers show: a patrol fix redraws the points, not the map.
  const under = useMemo(() => wallUnderLayers({ cameras: viewCameras }), [viewCameras])
  const labels = useMemo(() => (city ? townshipLabels(city) : []), [city])
  const over = useCallback(
    (frame: Frame) => wallOverLayers({ live: state, trails, now: judgedAt, scale, theme, labels }, frame),
    [state, trails, judgedAt, scale, theme, labels],
  )
  const names = useMemo(() => (city ? placeNames(city) : new Map<string, string>()), [city])
  // Cases that run over their time while the wall is up are ticker lines too, at their due time, among the changes.
  const [openedAt] = useState(() => Date.now())
  const tickerItems = useMemo(
    () => [...overdueItems(state.cases.values(), openedAt, judgedAt), ...state.ticker].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)),
    [state.cases, state.ticker, openedAt, judgedAt],
  )
  const cameraChanges = useMemo(() => cameraChangesSummary(state.cameraChanges, judgedAt, names), [state.cameraChanges, judgedAt, names])

  return (
    <div className={`wall${config.kiosk ? ' kiosk' : ''}`} data-theme={theme}>
      <MapView city={city} shaded view={config.view} padding={wallPadding()} interactive={!config.kiosk}>
        <UnderLayers layers={under} />
        <GridShading shades={shades} />
        <OverLayers layers={over} animating={freshCases(state.cases, now).length > 0} />
        <ZoomWatch onZoom={onZoom} />
        <ReadyMark complete={synced && kpis !== null} />
      </MapView>
      <header className="wall-header">
        <h1>安达市社会治理指挥中心</h1>
        <p className="clock">
          <span className="date">{clockDate(now)}</span> <time data-testid="clock">{clockTime(now)}</time> <LiveStatus connection={connection} />
        </p>
      </header>
      <KpiPanel kpis={kpis} ranOverToday={ranOverToday} ranking={ranking} cameraChanges={cameraChanges} />
      <Legend theme={theme} cycling={config.theme === null} patrolHours={config.patrolHours} />
      <Ticker items={tickerItems} names={names} now={now} />
      {/* A kiosk has nobody at it to sign out; a wall on a desk (`/`) says who it is signed in as. */}
      {!config.kiosk && <SignedInBar me={me} className="wall-signed-in" />}
      {status.kind === 'failed' && <NoticeLine notice={{ kind: 'error', text: status.message }} className="map-error" />}
    </div>
  )
}

/** The townships' names where the base map writes them (their seats), to be written again over the points. */
function townshipLabels(city: City): PlaceLabel[] {
  return seatPoints(city.regions).features
    .filter((f) => f.properties.level === 'township')
    .map((f) => ({ name: f.properties.name, at: f.geometry.coordinates }))
}

/** Grid, community and township names by code, for the ticker and the camera panel. */
function placeNames(city: City): Map<string, string> {
  return new Map([
    ...city.regions.features.map((f) => [f.properties.code, f.properties.name] as const),
    ...city.grids.features.map((f) => [f.properties.code, f.properties.name] as const),
  ])
}

/** The map, which stops at the KPI panel and the ticker, frames the city clear of the header and the legend over it (sizes in vh, see styles.css). */
function wallPadding() {
  const vh = window.innerHeight / 100
  // Left: clear of the legend (2vh in, at most 54vh wide with its padding), which would otherwise lie over the city's west.
  return { top: 9 * vh, right: 3 * vh, bottom: 2 * vh, left: 61 * vh }
}
