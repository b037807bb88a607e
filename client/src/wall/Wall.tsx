import { useCallback, useMemo } from 'react'
import { clockDate, clockTime } from '../beijingTime'
import { LiveStatus } from '../live/LiveStatus'
import { useLive } from '../live/useLive'
import { useNow } from '../live/useNow'
import { useThrottled } from '../live/useThrottled'
import { displayScale } from '../map/displayScale'
import { freshCases } from '../map/layers/pulsesLayer'
import { trailColumns } from '../map/layers/trailsLayer'
import { type Frame, MapView } from '../map/MapView'
import type { City } from '../map/loadCity'
import { useCity } from '../map/useCity'
import { gridShades } from './gridShades'
import { KpiPanel } from './KpiPanel'
import { Legend } from './Legend'
import { Ticker } from './Ticker'
import { useKpis } from './useKpis'
import { useThemeCycle } from './useThemeCycle'
import type { WallConfig } from './wallConfig'
import { wallOverLayers, wallUnderLayers } from './wallLayers'

/** Overdue, grid shading and trail fading are judged at this step, not every second. */
const JUDGE_STEP_MS = 10_000
/** The grid shading and camera views follow the city at most this often: redrawing them redraws the whole map. */
const SHADE_STEP_MS = 5000

/**
 * The operators' video wall: the live city on the map, the KPI panel on the right, the latest events
 * along the bottom, the clock and whether the wall is live at the top. Made for a 4K screen read from
 * several metres (sizes follow the screen's height) and for running for days without a touch.
 */
export function Wall({ config }: { config: WallConfig }) {
  const status = useCity()
  const { state, connection, synced } = useLive()
  const now = useNow(1000)
  const kpis = useKpis(state.seq, config.patrolHours)
  const { theme } = useThemeCycle(config.theme, config.cycleSeconds)
  const city = status.kind === 'ready' ? status.city : null

  const judgedAt = Math.floor(now / JUDGE_STEP_MS) * JUDGE_STEP_MS
  const shaded = useThrottled(state, SHADE_STEP_MS)
  const shades = useMemo(
    () => gridShades(theme, shaded, judgedAt, config.patrolHours),
    [theme, shaded.cases, shaded.covers, shaded.visits, judgedAt, config.patrolHours],
  )
  const trails = useMemo(() => trailColumns(state.trails, judgedAt), [state.trails, judgedAt])
  const scale = displayScale()
  // Each callback changes only with what its layers show: a patrol fix redraws the points, not the map.
  const under = useCallback(
    (zoom: number) => (city ? wallUnderLayers({ grids: city.grids, shades, cameras: shaded.cameras }, zoom) : []),
    [city, shades, shaded.cameras],
  )
  const over = useCallback(
    (frame: Frame) => wallOverLayers({ live: state, trails, now: judgedAt, scale }, frame),
    [state, trails, judgedAt, scale],
  )
  const names = useMemo(() => (city ? placeNames(city) : new Map<string, string>()), [city])

  return (
    <div className={`wall${config.kiosk ? ' kiosk' : ''}`} data-theme={theme}>
      <MapView
        city={city} under={under} over={over} animating={freshCases(state.cases, now).length > 0} view={config.view}
        padding={wallPadding()} interactive={!config.kiosk} complete={synced && kpis !== null}
      />
      <header className="wall-header">
        <h1>安达市社会治理指挥中心</h1>
        <p className="clock">
          <span className="date">{clockDate(now)}</span> <time data-testid="clock">{clockTime(now)}</time> <LiveStatus connection={connection} />
        </p>
      </header>
      <KpiPanel kpis={kpis} />
      <Legend theme={theme} cycling={config.theme === null} patrolHours={config.patrolHours} />
      <Ticker items={state.ticker} names={names} />
      {status.kind === 'failed' && <div className="map-error" role="alert">{status.message}</div>}
    </div>
  )
}

/** Grid, community and township names by code, for the ticker. */
function placeNames(city: City): Map<string, string> {
  return new Map([
    ...city.regions.features.map((f) => [f.properties.code, f.properties.name] as const),
    ...city.grids.features.map((f) => [f.properties.code, f.properties.name] as const),
  ])
}

/** The map frames the city clear of the header, the KPI panel and the ticker (their sizes are in vh, see styles.css). */
function wallPadding() {
  const vh = window.innerHeight / 100
  return { top: 9 * vh, right: 50 * vh, bottom: 8 * vh, left: 3 * vh }
}
