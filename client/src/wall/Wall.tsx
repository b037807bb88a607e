import { useCallback, useEffect, useMemo, useState } from 'react'
import { AttentionCases, DutyNow, Figures, HourlyReports, labels, type Me, type Measures, Rankings } from '../../../contract'
import { casesOnlyLevel, codeLevel } from '../../../domain/access'
import { SignedInBar } from '../session/SignedInBar'
import { useLive } from '../live/useLive'
import { useNow } from '../live/useNow'
import { useThrottled } from '../live/useThrottled'
import { displayScale } from '../map/displayScale'
import { freshCases } from '../map/layers/pulsesLayer'
import { trailColumns } from '../map/layers/trailsLayer'
import { MapView } from '../map/MapView'
import { GridShading } from '../map/parts/GridShading'
import { TileShading } from '../map/parts/TileShading'
import { type Frame, OverLayers } from '../map/parts/OverLayers'
import { ReadyMark } from '../map/parts/ReadyMark'
import { UnderLayers } from '../map/parts/UnderLayers'
import { ZoomWatch } from '../map/parts/ZoomWatch'
import { type City, cityRead, loadAreaCity, seatPoints } from '../map/loadCity'
import { TILE_SOURCES, tiledStyle } from '../map/tiledStyle'
import { isOverdue } from '../live/liveState'
import { pageTitle } from '../session/pageTitle'
import { childLabels, childLoads, overdueShades } from './childShades'
import { type Shades } from './gridShades'
import { useMapArea } from '../map/mapArea'
import { askedArea, wallFollows } from './wallArea'
import type { PlaceLabel } from '../map/layers/placeLabelsLayer'
import { overdueItems } from '../live/ticker'
import { useCity } from '../map/useCity'
import { NoticeLine } from '../ui/Notice'
import { cameraChangesSummary } from './cameraChanges'
import { InsetMap } from './InsetMap'
import { MAX_CARDS, unacknowledgedHazards, UrgentHazardCards } from './UrgentHazardCards'
import { useFontFor, usePlaceNames } from './usePlaceNames'
import { KpiPanel, type RateDirections } from './KpiPanel'
import { LeftColumn } from './LeftColumn'
import { rankedUnitFor } from './rankedUnitFor'
import { directionOf } from './rates'
import { Legend } from './Legend'
import { Ticker } from './Ticker'
import { TitleBar } from './TitleBar'
import { FirstFrame } from './FirstFrame'
import { FOLLOW_MS, useGridShading } from './useGridShading'
import { useKpis } from '../api/useKpis'
import { useFollowing } from './useFollowing'
import { useMinutely } from './useMinutely'
import { themeAt, type WallConfig } from './wallConfig'
import './wall.css'
import { VIEWS_MIN_ZOOM } from '../map/layers/cameraViewsLayer'
import { CASE_POINTS_ZOOM, wallOverLayers, wallUnderLayers } from './wallLayers'

/** Overdue points and trail fading are judged at this step, not every second. */
const JUDGE_STEP_MS = 10_000

/** The panels' reads that follow the city: at most once per this many ms each, however fast it changes (each is summed in SQL). */
const FOLLOW_READ_MS = { day: 5000, hourly: 5000, attention: 2000 } as const

/** Which way the year's rates went on last year (the year's figures) and this month on the last (the month's). */
function rateDirections(year: Figures | null, month: Figures | null): RateDirections | null {
  if (!year || !month) return null
  const went = (k: keyof Measures & ('gridLevelShare' | 'onTimeRate' | 'satisfaction')) => ({
    lastYear: directionOf(year.totals.current[k] as number | null, year.totals.lastYear[k] as number | null),
    previous: directionOf(month.totals.current[k] as number | null, month.totals.previous[k] as number | null),
  })
  return { gridLevelShare: went('gridLevelShare'), onTimeRate: went('onTimeRate'), satisfaction: went('satisfaction') }
}

const NO_SHADES: Shades = new Map()

/**
 * The operators' video wall: the title bar with the headline counters and the duty leader; on the left
 * today's reports, the last 24 hours, the cases moved up or overdue and the ranking; the live area on the
 * map with the town centre in an inset beside it; the KPI panel on the right; the latest case events
 * along the bottom. Made for a 4K screen read from
 * several metres (sizes follow the screen's height) and for running for days without a touch. It shows
 * the area its address asks for (`?area=`) if the account's scope reaches it, else the scope's (a wall
 * display's: the city), live from that area's room. A province or prefecture (or an area asked for with more
 * than 5,000 grids) is drawn from the vector tiles, its children shaded by their overdue cases and its cases
 * binned in hexagons until one zooms in to the townships; a county is drawn from its GeoJSON, as it always was.
 */
export function Wall({ config, me }: { config: WallConfig; me: Me }) {
  // An area asked for that the store does not hold (a mistyped address) shows the scope's own, as one outside the scope does.
  const wanted = useMemo(() => askedArea(config.area, me), [config.area, me])
  const askedStatus = useMapArea(wanted)
  const asked = askedStatus.kind === 'missing' ? null : wanted
  // The scope's own area is read only when it is wide: a county's own wall takes what it needs from its GeoJSON, read with the page.
  const own = 'region' in me.scope && casesOnlyLevel(codeLevel(me.scope.region)) ? me.scope.region : null
  const ownStatus = useMapArea(asked === null && askedStatus.kind !== 'loading' ? own : null)
  const areaStatus = asked ? askedStatus : ownStatus
  const area = areaStatus.kind === 'ready' ? areaStatus.area : null
  const tiled = area?.tiled ?? false
  const follows = useMemo(() => wallFollows(me, asked), [me, asked])
  const { state, connection, synced } = useLive(follows.rooms, follows.area)
  // The map's GeoJSON once the area is known: the scope's own as the page preloaded it, an area's own part, or none (tiles).
  const cityLoad = useMemo(() => {
    if (areaStatus.kind === 'loading' || tiled) return null
    return asked && area ? () => loadAreaCity(area.code, area.bbox) : cityRead.take
  }, [areaStatus.kind, tiled, asked, area])
  const status = useCity(state.boundariesAt, cityLoad)
  const now = useNow(1000)
  const kpis = useKpis(state.seq, config.patrolHours, asked ?? undefined)
  const theme = themeAt(now, config.theme, config.cycleSeconds)
  const rankedUnit = rankedUnitFor(asked ? { region: asked } : me.scope)
  const areaQuery = asked ? `&area=${asked}` : ''
  const regionQuery = asked ? `?region=${asked}` : ''
  // What the first frame can do without (the ranking, the rates' arrows against last month and last year) is read once it
  // is drawn: a province's year of figures takes the store seconds, which the KPIs and the map would wait behind.
  const [drawn, setDrawn] = useState(false)
  const onDrawn = useCallback(() => setDrawn(true), [])
  const later = (url: string | null) => (drawn ? url : null)
  const rankings = useMinutely(later(rankedUnit && `/api/v1/rankings?unit=${rankedUnit}&period=month${areaQuery}`), Rankings)
  const day = useFollowing(`/api/v1/figures?period=day${areaQuery}`, Figures, state.seq, FOLLOW_READ_MS.day)
  const ranOverToday = day?.totals.current.ranOver ?? null
  const directions = rateDirections(
    useMinutely(later(`/api/v1/figures?period=year${areaQuery}`), Figures), useMinutely(later(`/api/v1/figures?period=month${areaQuery}`), Figures),
  )
  const hourly = useFollowing(`/api/v1/wall/hourly${regionQuery}`, HourlyReports, state.seq, FOLLOW_READ_MS.hourly)
  const attention = useFollowing(`/api/v1/wall/attention${regionQuery}`, AttentionCases, state.seq, FOLLOW_READ_MS.attention)
  // The roster is the command centre's, read by city-wide accounts only.
  const duty = useMinutely(me.whole ? '/api/v1/duty' : null, DutyNow)
  const ranking = rankedUnit && { unit: rankedUnit, rankings }
  const city = status.kind === 'ready' ? status.city : null
  const areaName = asked ? (area?.name ?? '') : me.scopeName
  useEffect(() => {
    const title = asked && area ? pageTitle(window.location.pathname, area.name) : null
    if (title) document.title = title
  }, [asked, area])

  const judgedAt = Math.floor(now / JUDGE_STEP_MS) * JUDGE_STEP_MS
  const shades = useGridShading(theme, state, synced, now, config.patrolHours)
  // A wide area's room carries cases only: its patrols and cameras are not drawn (the snapshot's would stand still).
  const units = !(area && casesOnlyLevel(area.level))
  // Camera views are drawn under the map's lines only closer in; further out a camera going down must not redraw the map.
  const [viewsShown, setViewsShown] = useState((config.view?.zoom ?? 0) >= VIEWS_MIN_ZOOM)
  // Binned cases are binned anew at each whole zoom (and turn to points at CASE_POINTS_ZOOM): the layers are redrawn when it changes.
  const [wholeZoom, setWholeZoom] = useState(-1)
  const onZoom = useCallback((zoom: number) => {
    setViewsShown(zoom >= VIEWS_MIN_ZOOM)
    setWholeZoom(Math.min(Math.floor(zoom), CASE_POINTS_ZOOM))
  }, [])
  const throttledCameras = useThrottled(state.cameras, FOLLOW_MS.cameras)
  const viewCameras = viewsShown && units ? throttledCameras : null
  // Trails keep a fix per 30 s (the unit's dot is drawn at once): following them every step, not every fix, spares re-sending all of them to the GPU.
  const trailsShown = useThrottled(state.trails, JUDGE_STEP_MS)
  const trails = useMemo(() => trailColumns(trailsShown, judgedAt), [trailsShown, judgedAt])
  const scale = displayScale()
  // A tiled area's children, shaded by their cases overdue now and named with their open and overdue counts.
  const loads = useMemo(
    () => (area && tiled ? childLoads(state.cases.values(), area.children, (c) => isOverdue(c, judgedAt)) : null),
    [area, tiled, state.cases, judgedAt],
  )
  const childShades = useMemo(() => (loads ? overdueShades(loads) : NO_SHADES), [loads])
  const base = useMemo(
    () => (area?.tiled ? { style: tiledStyle({ area: area.code, origin: window.location.origin, scale }), bounds: area.bbox } : null),
    [area, scale],
  )
  const binned = useMemo(() => (area?.tiled ? { latitude: (area.bbox[1] + area.bbox[3]) / 2 } : null), [area])
  // Each callback changes only with what its layers show: a patrol fix redraws the points, not the map.
  const under = useMemo(() => wallUnderLayers({ cameras: viewCameras }), [viewCameras])
  // Children's names (and their counts' characters) are drawn once their font has loaded, not as blank boxes.
  const labelFont = useFontFor(area?.tiled ? `${area.children.map((c) => c.name).join('')}在办超期·0123456789` : '')
  const placeLabels = useMemo(
    () => (area && loads ? (labelFont ? childLabels(area.children, loads) : []) : city ? townshipLabels(city) : []),
    [area, loads, labelFont, city],
  )
  const over = useCallback(
    (frame: Frame) => wallOverLayers({ live: state, trails, now: judgedAt, scale, theme, labels: placeLabels, binned, units }, frame),
    [state, trails, judgedAt, scale, theme, placeLabels, binned, units, wholeZoom],
  )
  // The inset is made once the city map has drawn its first whole frame: a second map would only slow the first.
  const [insetWanted, setInsetWanted] = useState(false)
  const insetUnder = useCallback((zoom: number) => wallUnderLayers({ cameras: zoom >= VIEWS_MIN_ZOOM ? throttledCameras : null }), [throttledCameras])
  const animating = freshCases(state.cases, now).length > 0
  // Cases that run over their time while the wall is up are ticker lines too, at their due time, among the changes.
  const [openedAt] = useState(() => Date.now())
  const tickerItems = useMemo(
    () => [...overdueItems(state.cases.values(), openedAt, judgedAt), ...state.ticker].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)),
    [state.cases, state.ticker, openedAt, judgedAt],
  )
  // Without a city's GeoJSON, the communities the alarm cards and the ticker name are looked up as they come.
  const named = useMemo(
    () => (tiled ? [
      ...unacknowledgedHazards(state.cases.values()).slice(0, MAX_CARDS).map((c) => c.communityCode), ...tickerItems.map((i) => i.gridCode.slice(0, 12)),
    ] : []),
    [tiled, state.cases, tickerItems],
  )
  const lookedUp = usePlaceNames(tiled && synced, named, state.cases)
  const names = useMemo(
    () => (city ? placeNames(city) : new Map([...(area?.children ?? []).map((c) => [c.code, c.name] as const), ...lookedUp])),
    [city, area, lookedUp],
  )
  const cameraChanges = useMemo(() => cameraChangesSummary(state.cameraChanges, judgedAt, names), [state.cameraChanges, judgedAt, names])
  // The town beside the city, for the county's wall (its own, or a county asked for), not for a township's or a tiled area's.
  const inset = city && insetWanted && config.view === null && !tiled && (asked === null || area?.level === 'county')

  return (
    <div className={`wall${config.kiosk ? ' kiosk' : ''}`} data-theme={theme} data-area={area?.code ?? ''} data-tiled={tiled}>
      <MapView
        city={tiled ? null : city} base={base} bounds={asked && area ? area.bbox : null}
        shaded view={config.view} padding={wallPadding()} interactive={!config.kiosk}
      >
        <UnderLayers layers={under} />
        {tiled ? <TileShading source={TILE_SOURCES.regions} shades={childShades} /> : <GridShading shades={shades} />}
        <OverLayers layers={over} animating={animating} />
        <ZoomWatch onZoom={onZoom} />
        <ReadyMark complete={synced && kpis !== null} onDrawn={onDrawn} />
        <FirstFrame onDrawn={() => setInsetWanted(true)} />
      </MapView>
      {/* The inset does not animate the pulses: on a wall drawn in software a second animated canvas would slow the city's frames.
          A wall framed by its URL (`center`, `zoom`) shows what it was asked to, without the town beside it. */}
      {inset && <InsetMap city={city} shades={shades} over={over} under={insetUnder} animating={false} />}
      <TitleBar areaName={areaName} kpis={kpis} day={day} duty={duty} now={now} connection={connection} />
      <UrgentHazardCards cases={state.cases} names={names} now={now} />
      <LeftColumn day={day} hourly={hourly} attention={attention} ranking={ranking} now={now} />
      <KpiPanel kpis={kpis} ranOverToday={ranOverToday} directions={directions} cameraChanges={cameraChanges} />
      <Legend
        theme={theme} cycling={config.theme === null} patrolHours={config.patrolHours}
        wide={tiled && rankedUnit ? { children: labels.rankedUnit[rankedUnit] } : null}
      />
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

/**
 * The map lies between the left column and the KPI panel (the inset beside it on a double-wide wall), under
 * the title bar and over the ticker; it frames the city clear of the legend on its right, and on a 16:9
 * wall of the inset beneath the legend (sizes in vh, see wall.css).
 */
function wallPadding() {
  const vh = window.innerHeight / 100
  return { top: 2 * vh, right: 38 * vh, bottom: 2 * vh, left: 2 * vh }
}
